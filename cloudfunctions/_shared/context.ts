import type { Action } from '@shared/contracts';
import type { MemberDoc } from '@shared/model/member.model';
import type { Caller, Deps } from './deps';
import type { EarlyTransaction } from './early-transaction';

/** What every action runs with, resolved by the router before the handler is called. */
interface CallContext {
  caller: Caller;
  deps: Deps;
  now: Date;
  /** The key under which a write command's result is kept (write actions only), the caller's own for 'any-signed-in' ones. */
  commandKey: string;
  /** The contract action being run: a command id replays only for it. */
  action: Action;
  /** A write command's transaction, started by the router with the call's first reads (issue 16); applyOnce takes it. */
  early?: EarlyTransaction;
  /** What became of the call's command record (write actions with a command id): the router answers from the stored record when nothing settled it. */
  command?: CommandState;
}

/**
 * Issue 16: a write command settles its record where it applies (`applyOnce`, `recordOnce`): its record
 * committed with the work, or the stored record answered. A call that ends without settling it (the
 * handler refused before or inside the work, or answered without applying) is checked by one read of
 * the record after the fact: a command sent again answers its first result whatever the work now says.
 */
export interface CommandState {
  settled: boolean;
  /** What the call does for its notices beside its journal's insert (commands.ts): the router awaits it before answering. */
  delivering: Promise<void>[];
}

/** An action for members in given roles: the router resolved the caller's membership of the property the input names. */
export interface ActionContext extends CallContext {
  member: MemberDoc;
}

/** An 'any-signed-in' action (joining, binding, the caller's own data): no membership is resolved. */
export interface SignedInContext extends CallContext {
  member?: undefined;
}

export type AnyContext = ActionContext | SignedInContext;

export type ContextOf<A extends Action> = A['roles'] extends 'any-signed-in' ? SignedInContext : ActionContext;

/** The context of the call: with the member when the action's roles made the router resolve one. */
export const contextOf = (call: CallContext, member: MemberDoc | null): AnyContext =>
  member ? { ...call, member } : call;
