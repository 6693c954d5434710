import type { Role } from '../model/member.model';

/** Who may take a transition: a person's role, or 'system' for what the timer does (escalations, the one-month upgrade). */
export type Actor = Role | 'system';

/**
 * A generic state machine: named actions move an entity between states, each allowed to some roles
 * and optionally guarded by the entity and the injected clock. Repairs, complaints, bookings and
 * callbacks define their own tables with the same engine. A transition `from` no state is a birth:
 * the entity is created in its `to` state (see `birth`).
 */
export interface TransitionDef<S extends string, E> {
  from: readonly S[];
  /** Absent: the entity stays in its state (a recorded change such as a rating or a blocker). */
  to?: S;
  roles: readonly Actor[];
  /** Returns an error code when the transition may not happen now, else null. */
  guard?: (entity: E, now: Date) => TransitionErrorCode | null;
}

export interface MachineDef<S extends string, A extends string, E> {
  name: string;
  states: readonly S[];
  transitions: Record<A, TransitionDef<S, E>>;
}

export interface Versioned<S extends string> {
  status: S;
  version: number;
}

export interface TransitionRequest<A extends string> {
  action: A;
  actor: string;
  role: Actor;
  now: Date;
  reason?: string;
  deviceTime?: string;
}

export interface TransitionEvent<S extends string, A extends string> {
  machine: string;
  action: A;
  from: S | null;
  to: S;
  actor: string;
  role: Actor;
  reason: string | null;
  at: string;
  deviceAt: string | null;
  /** The version the entity had when the transition was decided; the write must find it unchanged. */
  expectedVersion: number;
  version: number;
}

export type TransitionErrorCode = 'STATE.TRANSITION_NOT_ALLOWED' | 'STATE.ROLE_NOT_ALLOWED' | 'STATE.TOO_EARLY' | 'STATE.TOO_LATE';

export type TransitionOutcome<S extends string, A extends string> =
  | { ok: true; status: S; version: number; event: TransitionEvent<S, A> }
  | { ok: false; code: TransitionErrorCode };

const eventOf = <S extends string, A extends string>(
  name: string,
  action: A,
  from: S | null,
  to: S,
  request: Omit<TransitionRequest<A>, 'action'>,
  expectedVersion: number,
): TransitionEvent<S, A> => ({
  machine: name,
  action,
  from,
  to,
  actor: request.actor,
  role: request.role,
  reason: request.reason ?? null,
  at: request.now.toISOString(),
  deviceAt: request.deviceTime ?? null,
  expectedVersion,
  version: expectedVersion + 1,
});

export const defineMachine = <S extends string, A extends string, E>(def: MachineDef<S, A, E>) => def;

export const transition = <S extends string, A extends string, E extends Versioned<S>>(
  machine: MachineDef<S, A, E>,
  entity: E,
  request: TransitionRequest<A>,
): TransitionOutcome<S, A> => {
  const def = machine.transitions[request.action];
  if (!def.from.includes(entity.status)) return { ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' };
  if (!def.roles.includes(request.role)) return { ok: false, code: 'STATE.ROLE_NOT_ALLOWED' };
  const guarded = def.guard?.(entity, request.now) ?? null;
  if (guarded) return { ok: false, code: guarded };
  const event = eventOf(machine.name, request.action, entity.status, def.to ?? entity.status, request, entity.version);
  return { ok: true, status: event.to, version: event.version, event };
};

/**
 * The first event of an entity: it is born by one of its machine's birth transitions (from no
 * state) in that transition's state, at version 1. Naming any other action is a bug.
 */
export const birth = <S extends string, A extends string, E>(
  machine: MachineDef<S, A, E>,
  action: A,
  request: Omit<TransitionRequest<A>, 'action'>,
): TransitionEvent<S, A> => {
  const def = machine.transitions[action];
  if (def.from.length || !def.to) throw new Error(`${machine.name}.${action} is not a birth transition`);
  return eventOf(machine.name, action, null, def.to, request, 0);
};

/**
 * A change to something that has no status machine (a membership's history, the settings): the
 * event records it in the same shape, `from` what `to` what, at the version it made.
 */
export const recordedChange = (
  name: string,
  action: string,
  change: { from: string | null; to: string; version: number },
  request: Omit<TransitionRequest<string>, 'action'>,
): TransitionEvent<string, string> => eventOf(name, action, change.from, change.to, request, Math.max(0, change.version - 1));

export const allowedActions = <S extends string, A extends string, E extends Versioned<S>>(
  machine: MachineDef<S, A, E>,
  entity: E,
  role: Role,
  now: Date,
): A[] =>
  (Object.keys(machine.transitions) as A[]).filter((action) =>
    transition(machine, entity, { action, actor: '', role, now }).ok,
  );
