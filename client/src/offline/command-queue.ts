import { retryOf } from '@shared/contracts/errors';
import { OFFLINE_SEND_WINDOW_DAYS } from '@shared/model/command.model';
import type { CallResult } from '../api/client';
import { localRefsIn, withUploaded } from './local-files';
import type { Conflict, OnSiteAction, QueuedCommand, RepairView, StepInput, StepTarget } from './commands';
import { QUEUE_KEY, readStored } from './queue-storage';
import { fill, ui } from '../i18n/ui.zh-CN';

export { QUEUE_KEY };

const BACKOFF_MS = 1_000;
/** Retries never wait longer than the flusher's own 15-second tick. */
const MAX_BACKOFF_MS = 15_000;
/** Tries of a command the server keeps failing on (a `bounded` answer) before it is set aside. */
export const BOUNDED_TRIES = 5;

/**
 * The code of a command set aside on the phone, unsent, because it was queued more than OFFLINE_SEND_WINDOW_DAYS
 * ago: the server's record of a command answers its retries for COMMAND_RETENTION_DAYS only, after which a
 * create sent again would be applied again. No server code: the server never saw it.
 */
export const TOO_OLD = 'OFFLINE.TOO_OLD';
const SEND_WINDOW_MS = OFFLINE_SEND_WINDOW_DAYS * 24 * 60 * 60 * 1000;

const backoff = (tries: number) => Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (tries - 1));

export interface QueueState {
  commands: readonly QueuedCommand[];
  /** Per order: the command set aside and why; the order's later commands wait with it. */
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

/** done: acknowledged (or discarded meanwhile); setAside: refused for good; later: this order waits; offline: everything waits. */
type Delivery = 'done' | 'setAside' | 'later' | 'offline';

/**
 * The technician's writes, kept on the phone until the server has them. Commands are sent in the
 * order they were made, one at a time per order; what to do with each answer is the error contract's
 * (`@shared/contracts/errors`, issue 12, 3.9), never a list of this file's:
 * - final: the command is set aside with its reason, and so are the order's later commands, which
 *   were made on top of it; nothing is overwritten silently, and the technician decides (with the desk);
 * - wait (R5's 3 minutes), bounded (the server failed; set aside after BOUNDED_TRIES): that order
 *   waits with a backoff while the other orders go on;
 * - transient (no network): everything waits with a backoff.
 * A command queued more than OFFLINE_SEND_WINDOW_DAYS ago is set aside unsent (TOO_OLD), with the order's later ones.
 */
export const createCommandQueue = (deps: QueueDeps) => {
  const read = (): QueueState => ({ ...readStored(deps.storage.getItem(QUEUE_KEY)), offline: false });

  let state = read();
  let attempts = 0;
  let retryAt = 0;
  /** Orders whose next command waits: when it may go again, and how many times it waited in a row. */
  let waits = new Map<string, { at: number; times: number }>();
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
      failures: 0,
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

  const setAside = (command: QueuedCommand, res: { code: string; message: string }, tries: number): Delivery => {
    const conflict: Conflict = { code: res.code, message: res.message, action: command.action, at: deps.now().toISOString(), tries };
    set({ conflicts: { ...state.conflicts, [command.repairId]: conflict } });
    waits.delete(command.repairId);
    return 'setAside';
  };

  const hold = (repairId: string, tries?: number): Delivery => {
    const times = tries ?? (waits.get(repairId)?.times ?? 0) + 1;
    waits.set(repairId, { at: deps.now().getTime() + backoff(times), times });
    return 'later';
  };

  const deliver = async (queued: QueuedCommand): Promise<Delivery> => {
    let command = queued;
    // Tapped longer ago than the send window (by the phone's clock, as the queue keeps it): never sent.
    if (deps.now().getTime() - new Date(command.deviceTime).getTime() > SEND_WINDOW_MS) {
      return setAside(command, { code: TOO_OLD, message: fill(ui.sync.tooOld, { days: OFFLINE_SEND_WINDOW_DAYS }) }, 0);
    }
    for (const ref of localRefsIn(command.input)) {
      if (command.uploaded[ref]) continue;
      const fileId = await deps.upload(ref, command.uploadPrefix);
      if (!fileId) return 'offline';
      command = { ...command, uploaded: { ...command.uploaded, [ref]: fileId } };
      replace(command);
    }
    const res = await deps.send(command, withUploaded(command.input, command.uploaded));
    if (res.ok) {
      remove(command);
      waits.delete(command.repairId);
      deps.onAck?.(command, res.data);
      return 'done';
    }
    if (!state.commands.some((c) => c.commandId === command.commandId)) return 'done';
    switch (retryOf(res.code)) {
      case 'transient':
        return 'offline';
      case 'wait':
        return hold(command.repairId);
      case 'bounded': {
        const failures = command.failures + 1;
        if (failures >= BOUNDED_TRIES) return setAside(command, res, failures);
        replace({ ...command, failures });
        return hold(command.repairId, failures);
      }
      case 'final':
        return setAside(command, res, 1);
    }
  };

  /** The oldest command whose order is neither set aside nor waiting: the head of that order's queue. */
  const nextDue = () => {
    const now = deps.now().getTime();
    return state.commands.find((c) => !state.conflicts[c.repairId] && (waits.get(c.repairId)?.at ?? 0) <= now);
  };

  const drain = async () => {
    for (let next = nextDue(); next; next = nextDue()) {
      if ((await deliver(next)) === 'offline') {
        attempts += 1;
        retryAt = deps.now().getTime() + backoff(attempts);
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
    waits.delete(repairId);
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
      waits = new Map();
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
