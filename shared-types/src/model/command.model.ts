import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';

/** A write command applied once; a retry with the same id gets `result` back instead of a second write. */
export const CommandDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  openid: z.string(),
  commandId: z.string(),
  action: z.string(),
  result: z.unknown(),
  at: isoInstant,
});
export type CommandDoc = z.infer<typeof CommandDoc>;
export const commandModel = defineModel({ collection: 'commands', version: 1, schema: CommandDoc });
