import * as z from 'zod/mini';
import { onSiteActions, type Conflict, type OnSiteAction, type QueuedCommand } from './commands';

export const QUEUE_KEY = 'onsite.queue.v1';

const actionNames = Object.keys(onSiteActions) as [OnSiteAction, ...OnSiteAction[]];
const Stored = z.object({
  commands: z.array(
    z.object({
      commandId: z.string(),
      deviceTime: z.string(),
      action: z.enum(actionNames),
      repairId: z.string(),
      propertyId: z.string(),
      uploadPrefix: z.string(),
      version: z.number().check(z.int()),
      input: z.record(z.string(), z.unknown()),
      uploaded: z.record(z.string(), z.string()),
      failures: z._default(z.number().check(z.int(), z.gte(0)), 0),
    }),
  ),
  conflicts: z.record(z.string(), z.object({ code: z.string(), message: z.string(), action: z.enum(actionNames), at: z.string(), tries: z._default(z.number().check(z.int(), z.gte(1)), 1) })),
});

/**
 * What the queue kept on the phone, read back; what an older build kept reads with no failures
 * counted and each set-aside command tried once. Anything unreadable is an empty queue.
 */
export const readStored = (raw: unknown): { commands: QueuedCommand[]; conflicts: Record<string, Conflict> } => {
  const stored = Stored.safeParse(raw);
  return stored.success ? stored.data : { commands: [], conflicts: {} };
};
