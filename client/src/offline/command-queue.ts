import * as z from 'zod';
import type { CallResult } from '../api/client';
import { localRefsIn, withUploaded } from './local-files';
import { onSiteActions, type Conflict, type OnSiteAction, type QueuedCommand, type RepairView, type StepInput, type StepTarget } from './commands';

export const QUEUE_KEY = 'onsite.queue.v1';

/**
 * Answers that mean "not delivered, not decided, or not yet": the command stays and is sent again
 * later. STATE.TOO_EARLY is R5's 3-minute wait counted on the server's clock, which passes by itself.
 */
const TRANSIENT = new Set(['COMMON.BUSY', 'COMMON.INTERNAL', 'STATE.TOO_EARLY']);
const BACKOFF_MS = 1_000;
/** Retries never wait longer than the flusher's own 15-second tick. */
const MAX_BACKOFF_MS = 15_000;

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
      version: z.number().int(),
      input: z.record(z.string(), z.unknown()),
      uploaded: z.record(z.string(), z.string()),
    }),
  ),
  conflicts: z.record(z.string(), z.object({ code: z.string(), message: z.string(), action: z.enum(actionNames), at: z.string() })),
});

export interface QueueState {
  commands: readonly QueuedCommand[];
  /** Per order: why its queue stopped. */
  conflicts: Readonly<Record<string, Conflict>>;
  /** The last attempt did not get through; the next waits a little. */
  offline: boolean;
}

export interface QueueDeps {
  storage: { getItem: (key: string) => unknown; setItem: (key: string, value: unknown) => void };
  /** Sends one command with its files already uploaded. */
  send: (command: QueuedCommand, input: Record<string, unknown>) => Promise<CallResult<RepairView>>;
  /** Uploads a kept file: its file id, or null to try again later. */
  upload: (ref: string, uploadPrefix: string) => Promise<string | null>;
  dropFile?: (ref: string) => void;
  /** The server took a command: the order as it now stands. */
  onAck?: (command: QueuedCommand, view: RepairView) => void;
  now: () => Date;
  newCommandId: () => string;
}

type Delivery = 'done' | 'stopped' | 'retry';

/**
 * The technician's writes, kept on the phone until the server has them. Commands are sent in the
 * order they were made, one at a time; a command leaves the queue only when the server answers
 * (acknowledged, or refused for good). A refusal stops that order's queue and is shown, so nothing
 * is overwritten silently; a delivery failure keeps everything and tries again with a backoff.
 */
export const createCommandQueue = (deps: QueueDeps) => {
  const read = (): QueueState => {
    const stored = Stored.safeParse(deps.storage.getItem(QUEUE_KEY));
    return stored.success ? { ...stored.data, offline: false } : { commands: [], conflicts: {}, offline: false };
  };

  let state = read();
  let attempts = 0;
  let retryAt = 0;
  let running: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: Partial<QueueState>) => {
    state = { ...state, ...next };
    if ('commands' in next || 'conflicts' in next) deps.storage.setItem(QUEUE_KEY, { commands: state.commands, conflicts: state.conflicts });
    listeners.forEach((l) => l());
  };

  const pendingFor = (repairId: string) => state.commands.filter((c) => c.repairId === repairId);

  /** Files no remaining command refers to are deleted from the phone. */
  const dropUnused = (refs: readonly string[]) => {
    const used = new Set(state.commands.flatMap((c) => localRefsIn(c.input)));
    refs.filter((ref) => !used.has(ref)).forEach((ref) => deps.dropFile?.(ref));
  };

  const enqueue = <K extends OnSiteAction>(action: K, target: StepTarget, input: StepInput<K>): QueuedCommand | null => {
    if (state.conflicts[target.repairId]) return null;
    const earlier = pendingFor(target.repairId);
    const last = earlier[earlier.length - 1];
    const command: QueuedCommand = {
      commandId: deps.newCommandId(),
      deviceTime: deps.now().toISOString(),
      action,
      repairId: target.repairId,
      propertyId: target.propertyId,
      uploadPrefix: target.uploadPrefix,
      version: last ? last.version + 1 : target.version,
      input: { ...input },
      uploaded: {},
    };
    set({ commands: [...state.commands, command] });
    return command;
  };

  const replace = (command: QueuedCommand) =>
    set({ commands: state.commands.map((c) => (c.commandId === command.commandId ? command : c)) });

  const remove = (command: QueuedCommand) => {
    set({ commands: state.commands.filter((c) => c.commandId !== command.commandId) });
    dropUnused(localRefsIn(command.input));
  };

  const deliver = async (queued: QueuedCommand): Promise<Delivery> => {
    let command = queued;
    for (const ref of localRefsIn(command.input)) {
      if (command.uploaded[ref]) continue;
      const fileId = await deps.upload(ref, command.uploadPrefix);
      if (!fileId) return 'retry';
      command = { ...command, uploaded: { ...command.uploaded, [ref]: fileId } };
      replace(command);
    }
    const res = await deps.send(command, withUploaded(command.input, command.uploaded));
    if (res.ok) {
      remove(command);
      deps.onAck?.(command, res.data);
      return 'done';
    }
    if (TRANSIENT.has(res.code)) return 'retry';
    if (!state.commands.some((c) => c.commandId === command.commandId)) return 'done';
    const conflict: Conflict = { code: res.code, message: res.message, action: command.action, at: deps.now().toISOString() };
    set({ conflicts: { ...state.conflicts, [command.repairId]: conflict } });
    return 'stopped';
  };

  const drain = async () => {
    for (;;) {
      const next = state.commands.find((c) => !state.conflicts[c.repairId]);
      if (!next) break;
      if ((await deliver(next)) === 'retry') {
        attempts += 1;
        retryAt = deps.now().getTime() + Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (attempts - 1));
        set({ offline: true });
        return;
      }
    }
    attempts = 0;
    retryAt = 0;
    if (state.offline) set({ offline: false });
  };

  /** Sends what is queued. `force` skips the backoff (the network just came back, the app was opened). */
  const flush = ({ force = false }: { force?: boolean } = {}): Promise<void> => {
    if (running) return running;
    if (!force && deps.now().getTime() < retryAt) return Promise.resolve();
    running = drain().finally(() => {
      running = null;
    });
    return running;
  };

  /** The technician's explicit choice after a conflict: forget this order's unsent commands. */
  const discard = (repairId: string) => {
    const dropped = pendingFor(repairId);
    const conflicts = Object.fromEntries(Object.entries(state.conflicts).filter(([id]) => id !== repairId));
    set({ commands: state.commands.filter((c) => c.repairId !== repairId), conflicts });
    dropUnused(dropped.flatMap((c) => localRefsIn(c.input)));
  };

  return {
    enqueue,
    flush,
    discard,
    state: (): QueueState => state,
    /** Reads the queue back from storage, as after the app was closed and opened again. */
    reload: () => {
      state = read();
      attempts = 0;
      retryAt = 0;
      listeners.forEach((l) => l());
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

export type CommandQueue = ReturnType<typeof createCommandQueue>;
