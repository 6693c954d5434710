import type * as z from 'zod/mini';
import { Envelope, isCompanyAction, mayAnswer, type Action } from '@shared/contracts/action';
import type { DeployedFunction } from '@shared/areas';
import { badInput } from '@shared/contracts/field-errors';
import { failure } from '@shared/messages/failure';
import { ok, type Err, type Result } from '@shared/result';
import { COMPANY_SCOPE, type MemberDoc } from '@shared/model/member.model';
import type { Caller, Deps } from './deps';
import { contextOf, type AnyContext, type CommandState, type ContextOf } from './context';
import { memberAndStatus, propertyClosed, resolveMember } from './membership';
import { ActionFailure } from './failures';
import { commandsSent, replayIn, replayOf } from './commands';
import { EarlyTransaction } from './early-transaction';
import { derivedId } from './ids';
import { withFileLinks } from './file-links';
import { systemCall, systemHealth, type MessageTests } from './system-health';

export type Handler<A extends Action> = (
  input: z.infer<A['input']>,
  ctx: ContextOf<A>,
) => Promise<Result<z.infer<A['output']>>>;

export type Handlers<T extends Record<string, Action>> = { [K in keyof T]: Handler<T[K]> };

/** A read made before the caller is known, kept as it settled: its failure is thrown only once the caller is authorised. */
type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };
const settle = (read: Promise<unknown>): Promise<Settled> =>
  read.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

interface Prefetching {
  /** Reads of the action that need its input alone (ids, the property it names), issued with the membership. */
  prefetch?: (input: unknown, deps: Deps, caller: Caller) => Promise<unknown>;
}

/**
 * Issue 16: an action whose first reads need only its input makes them in the same wait as the caller's
 * membership, not after it. Only reads, and only what the input names: what they found reaches the
 * handler once the router has authorised the caller (a refused caller gets the refusal, never the reads'
 * outcome), and the handler still checks that what it found belongs to the caller's property. The
 * caller it is given is the platform's OPENID (never the event's), so a read keyed by it (the caller's
 * own memberships) may go out in the same wait too. A module-level handler made with it is marked
 * `/* @__PURE__ *\/` where it is made: esbuild keeps a top-level call otherwise, and with it the whole
 * module wherever another bundle imports anything of it (the complaint intake was 23 KB of members).
 */
export const withPrefetch = <A extends Action, P>(
  prefetch: (input: z.infer<A['input']>, deps: Deps, caller: Caller) => Promise<P>,
  handle: (input: z.infer<A['input']>, ctx: ContextOf<A>, early: P) => Promise<Result<z.infer<A['output']>>>,
): Handler<A> =>
  Object.assign(
    async (input: z.infer<A['input']>, ctx: ContextOf<A>, early?: Settled) => {
      const read = early ?? (await settle(prefetch(input, ctx.deps, ctx.caller)));
      if (!read.ok) throw read.error;
      return handle(input, ctx, read.value as P);
    },
    { prefetch: prefetch as (input: unknown, deps: Deps, caller: Caller) => Promise<unknown> },
  );

interface LateTransaction {
  /** The action writes outside its command's transaction before it: the router starts no transaction with the first reads. */
  writesFirst?: true;
  /** The action has effects before its command's transaction: the router reads the command's record first, and replays from it. */
  replaysFirst?: true;
}

/**
 * Issue 16: the declaration of an action whose handler writes a document outside its command's
 * transaction and then reads or writes it in the transaction (a matter, a duty page, a consent created
 * first; a recorded answer with no transaction): it gets no transaction started with the call's first
 * reads, whose snapshot would lack those writes (early-transaction.ts). Its command starts its
 * transaction when it applies. An action that writes outside first only what its transaction never
 * touches (a repair's daily quota) needs none. Nothing checks it at run time; the journeys do
 * (tests/functions/round-trip-budget.test.ts).
 */
export const writesFirst = <H extends (...args: never[]) => unknown>(handler: H): H => declaring(handler, 'writesFirst');

/**
 * Issue 16: the declaration of a write whose handler has effects before its command's transaction that a
 * command sent again must not repeat: a place of the day taken (daily-limits.ts: on another day a replay
 * would take one of that day's), a content check sent out (content-check.ts `screenAtFiling`), a write
 * outside any transaction (`recordOnce`). Its command's record is read in the first wave, beside the
 * membership, and a command already applied is answered from it before the handler runs, as every write
 * was before. `writesFirst` implies it. Every other write reads no record before its work: a command sent
 * again is found where its record's insert meets the stored one (commands.ts `applyOnce`), or by one read
 * of the record when the work refused or answered without applying (router.ts).
 */
export const replaysFirst = <H extends (...args: never[]) => unknown>(handler: H): H => declaring(handler, 'replaysFirst');

/** A copy of the handler (its prefetch kept) that carries the declaration: the same handler may be declared in one function and not in another. */
const declaring = <H extends (...args: never[]) => unknown>(handler: H, declaration: keyof LateTransaction): H =>
  Object.assign((...args: Parameters<H>) => handler(...args), handler, { [declaration]: true as const }) as unknown as H;

export type FunctionHandle = ((event: unknown, caller: Caller, deps: Deps) => Promise<Result<unknown>>) & {
  /** The action names it has a handler for: exactly its contract's (a test holds every function to it). */
  readonly handled: readonly string[];
};

/**
 * An area's cloud function: parse the envelope and input with the action's contract, resolve the
 * caller's membership for the property it names, check the role, replay a command already applied,
 * run the action, and answer with what passed its output contract, or with a refusal its contract
 * declares. Bugs become COMMON.INTERNAL; nothing of them reaches the client. It takes the area's own
 * contract, not the whole catalogue, so each bundle carries only its own area's schemas. `messageTests`: the health
 * check's robot and subscribe tests, which one function carries (system-health.ts `MessageTests`).
 */
export const defineFunction = <T extends Record<string, Action>>(fn: DeployedFunction, actions: T, handlers: Handlers<T>, messageTests?: MessageTests): FunctionHandle => {
  const run = async (event: unknown, caller: Caller, deps: Deps): Promise<Result<unknown>> => {
    try {
      const envelope = Envelope.safeParse(event);
      if (!envelope.success) return failure('COMMON.BAD_INPUT');
      // Issue 13: a call with no OPENID (console, management API) is a system call: the health check only.
      const system = caller.openid ? null : systemCall(event);
      if (system) return await systemHealth(fn, system.input, deps, messageTests);
      const name = envelope.data.action;
      // Own properties only: "constructor" or "__proto__" is on every object and is no action.
      if (!Object.hasOwn(actions, name) || !Object.hasOwn(handlers, name)) return failure('COMMON.UNKNOWN_ACTION');
      const action = actions[name]!;
      const handler = (handlers as Record<string, ((input: unknown, ctx: AnyContext, early?: Settled) => Promise<Result<unknown>>) & Prefetching & LateTransaction>)[name]!;
      const input = action.input.safeParse(envelope.data.input, { reportInput: true });
      if (!input.success) return badInput(input.error);
      if (!caller.openid) return failure('COMMON.NOT_A_MEMBER');

      const now = deps.now();
      const data = input.data as { propertyId?: string; commandId?: string };
      // A company action resolves the caller in the company's scope; any other in the property it names.
      const company = isCompanyAction(action);
      const scope = company ? COMPANY_SCOPE : data.propertyId;
      // Issue 14 (1): a write in a deactivated property is refused; read with the membership (one query: memberAndClosed), never cached.
      // Issue 16: the action's own first reads go out in the same wait where they need only its input
      // (withPrefetch), and so does the command's record where the action has effects before its
      // transaction (replaysFirst); any other write reads no record before its work (see after it).
      // Issue 16: a command's transaction starts in this wave too (early-transaction.ts); rolled back before the
      // answer when the call did not take it, whatever the outcome.
      const transaction = action.write && data.commandId && !handler.writesFirst ? new EarlyTransaction(deps.db) : undefined;
      const readsRecordFirst = Boolean(action.write && data.commandId && (handler.writesFirst || handler.replaysFirst));
      const authorised = async (): Promise<Result<unknown>> => {
        const [{ member, closed }, sent, early] = await Promise.all([
          memberAndClosed(deps, action, scope, action.write && !company ? data.propertyId : undefined, caller.openid),
          readsRecordFirst ? commandsSent(deps.db, caller.openid, data.commandId!) : [],
          handler.prefetch ? settle(handler.prefetch(input.data, deps, caller)) : undefined,
        ]);
        if (action.roles !== 'any-signed-in') {
          if (!member) return failure('COMMON.NOT_A_MEMBER');
          if (!action.roles.includes(member.role)) return failure('COMMON.FORBIDDEN');
        }
        // A property with no copy of its status yet is read from its own document: one more wait, never a guess.
        if (closed ?? (await propertyClosed(deps.db, data.propertyId!))) return failure('COMMON.PROPERTY_INACTIVE');
        const commandKey = action.write && data.commandId ? commandKeyOf(member, caller, data.commandId) : '';
        const answer = async (result: Result<unknown>): Promise<Result<unknown>> =>
          result.ok ? ok(await withFileLinks(action.output, result.data, deps)) : result;
        if (commandKey) {
          const replay = replayIn(sent, commandKey, action);
          if (replay) return answer(replay);
        }
        const command: CommandState = { settled: false, delivering: [] };
        // A command whose record the call neither committed nor answered (the work refused, or the handler
        // answered without applying it) may have been applied before: its record answers, if it is there.
        const stored = async () => (commandKey && !readsRecordFirst && !command.settled ? replayOf(deps.db, commandKey, action) : null);
        try {
          let result: Result<unknown>;
          try {
            result = await handler(input.data, contextOf({ caller, deps, now, commandKey, action, early: transaction, command }, member), early);
          } catch (e) {
            if (!(e instanceof ActionFailure)) {
              const replay = await stored();
              if (replay) return await answer(replay);
              throw e;
            }
            result = e.toResult();
          }
          const replay = await stored();
          if (replay) return await answer(replay);
          if (!result.ok) return declared(action, result);
          // The answer is what passed the output contract: a field it does not name never reaches the caller.
          // Issue 16: its files' links are asked for while the commit's notices are still being delivered, not after.
          return await answer(ok(action.output.parse(result.data)));
        } finally {
          // Nothing of the call is left running once it answers: what its commit started for its notices (never rejects).
          await Promise.all(command.delivering);
        }
      };
      try {
        return await authorised();
      } finally {
        await transaction?.release();
      }
    } catch (e) {
      if (e instanceof ActionFailure) return e.toResult();
      console.error(`[${fn}] action failed`, e);
      return failure('COMMON.INTERNAL');
    }
  };
  return Object.assign(run, { handled: Object.keys(handlers) });
};

/**
 * The first wave's reads of the caller and the property (issue 14 (1): a write in a deactivated property is
 * refused, read on every call, never cached). A write by a member naming a property reads the membership
 * and the property's copy of its status in one query (`memberAndStatus`, issue 16); `closed` is null when
 * the property has no copy yet, and the router then reads the property's document. An action for anyone
 * signed in reads the property's document alone (one read either way), a read or a company action only
 * the membership.
 */
const memberAndClosed = async (
  deps: Deps,
  action: Action,
  scope: string | undefined,
  writeIn: string | undefined,
  openid: string,
): Promise<{ member: MemberDoc | null; closed: boolean | null }> => {
  const needsMember = action.roles !== 'any-signed-in' && scope;
  if (needsMember && writeIn) return memberAndStatus(deps.db, writeIn, openid);
  const [member, closed] = await Promise.all([needsMember ? resolveMember(deps.db, scope, openid) : null, writeIn ? propertyClosed(deps.db, writeIn) : false]);
  return { member, closed };
};

/** A refusal the action's contract does not declare is a bug in the handler or its contract: logged, and answered as one. */
const declared = (action: Action, refusal: Err): Err => {
  if (mayAnswer(action, refusal.code)) return refusal;
  console.error(`[${action.fn}.${action.name}] refused with ${refusal.code}, which its contract does not declare`);
  return failure('COMMON.INTERNAL');
};

/**
 * A member's commands are kept per membership; a caller who is no member yet (joining, binding) has their own key.
 * The key holds no action on purpose: one document per id makes two actions sent with one id contend for the
 * same record, so exactly one of them owns it even when both run at once, and the record names which (`call`).
 */
const commandKeyOf = (member: MemberDoc | null, caller: Caller, commandId: string) =>
  `${member ? member._id : derivedId('oc', caller.openid)}~${commandId}`;
