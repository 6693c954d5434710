import type { Action } from '@shared/contracts';
import { failure, type ErrorCode } from '@shared/messages';
import { commandModel } from '@shared/model/command.model';
import { ok, type Result } from '@shared/result';
import type { Database, Tx } from './database';

export type { Tx };
import { findById, withoutId } from './repo';
import type { ActionContext, AnyContext, SignedInContext } from './context';
import { ActionFailure } from './failures';

const callOf = (action: Action) => `${action.fn}.${action.name}`;

/**
 * What a command id already answers for `action`: nothing yet (null), the first result, or a refusal
 * when the id was first sent with another action (COMMON.COMMAND_REUSED) or its stored result no
 * longer fits the action's output contract (COMMON.COMMAND_DONE: applied, but not replayable).
 */
export const replayOf = async (db: Database, key: string, action: Action): Promise<Result<unknown, ErrorCode> | null> => {
  const command = await findById(db, commandModel, key);
  if (!command) return null;
  if (command.call !== callOf(action)) return failure('COMMON.COMMAND_REUSED');
  const stored = action.output.safeParse(command.result);
  if (!stored.success) {
    console.error(`command ${key}: its stored result does not fit ${command.call}'s output contract`);
    return failure('COMMON.COMMAND_DONE');
  }
  return ok(stored.data);
};

/** A replay inside applyOnce: the first result, or the refusal thrown. */
const replayed = async <T>(ctx: AnyContext): Promise<Applied<T> | null> => {
  const replay = await replayOf(ctx.deps.db, ctx.commandKey, ctx.action);
  if (!replay) return null;
  if (!replay.ok) throw new ActionFailure(replay.code);
  return { result: replay.data as T, fresh: false };
};

/**
 * Applies a write command at most once. The work and the command record commit in one transaction,
 * so a retry either finds the record (and gets the first result) or redoes the whole work; two
 * concurrent calls with one command id both write the command document, so only one commits and
 * the other, retried, replays its result. In the cloud a write conflict can surface at the write
 * itself, where the SDK does not retry it, so the whole transaction is retried here too; when
 * conflicts persist the caller is told to try again (COMMON.BUSY), which is safe with the same id.
 */
export interface Applied<T> {
  result: T;
  /** False when the result is a replay of an earlier application: its side effects are not this call's. */
  fresh: boolean;
}

export function applyOnce<T>(ctx: ActionContext, action: string, work: (tx: Tx) => Promise<T>, propertyId?: string): Promise<Applied<T>>;
/** A caller who is no member (yet) names the property the command belongs to. */
export function applyOnce<T>(ctx: SignedInContext, action: string, work: (tx: Tx) => Promise<T>, propertyId: string): Promise<Applied<T>>;
export async function applyOnce<T>(ctx: AnyContext, action: string, work: (tx: Tx) => Promise<T>, propertyId?: string): Promise<Applied<T>> {
  const owner = propertyId ?? ctx.member?.propertyId;
  if (owner === undefined) throw new Error(`${action}: a caller who is no member must name the command's property`);
  const { db } = ctx.deps;
  const key = ctx.commandKey;
  const record = (result: T) =>
    withoutId(
      commandModel.toStored({
        _id: key,
        propertyId: owner,
        openid: ctx.caller.openid,
        commandId: key.slice(key.indexOf('~') + 1),
        action,
        call: callOf(ctx.action),
        result,
        at: ctx.now.toISOString(),
      }),
    );
  let runs = 0;
  const run = (): Promise<Applied<T>> =>
    db.runTransaction(async (tx) => {
      // The router looked for a replay just before; a rerun must look again, another call may have won.
      if (runs++ > 0) {
        const replay = await replayed<T>(ctx);
        if (replay) return replay;
      }
      const result = await work(tx);
      await tx.collection('commands').doc(key).set({ data: record(result) });
      return { result, fresh: true };
    }, 3);
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ActionFailure) throw e;
      const replay = await replayed<T>(ctx);
      if (replay) return replay;
      if (attempt >= ATTEMPTS) {
        console.warn(`${action}: gave up after ${attempt} attempts`, e);
        throw new ActionFailure('COMMON.BUSY');
      }
      await backOff(attempt);
    }
  }
}

const ATTEMPTS = 4;

/**
 * A write conflict is answered at the write while the other transaction still holds the document,
 * so an immediate rerun would meet the same lock: wait for it to finish (30, 90, 270 ms, with jitter).
 */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 30 * 3 ** (attempt - 1) * (0.5 + Math.random())));
