import type { Role } from '../model/member.model';

/**
 * A generic state machine: named actions move an entity between states, each allowed to some roles
 * and optionally guarded by the entity and the injected clock. Repairs use it first; complaints,
 * visits and callbacks define their own tables with the same engine.
 */
export interface TransitionDef<S extends string, E> {
  from: readonly S[];
  /** Absent: the entity stays in its state (a recorded change such as a rating or a blocker). */
  to?: S;
  roles: readonly Role[];
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
  role: Role;
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
  /** 'system' for what the timer does (escalations, the one-month upgrade). */
  role: Role | 'system';
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
  const version = entity.version + 1;
  const to = def.to ?? entity.status;
  return {
    ok: true,
    status: to,
    version,
    event: {
      machine: machine.name,
      action: request.action,
      from: entity.status,
      to,
      actor: request.actor,
      role: request.role,
      reason: request.reason ?? null,
      at: request.now.toISOString(),
      deviceAt: request.deviceTime ?? null,
      expectedVersion: entity.version,
      version,
    },
  };
};

/** The first event of an entity: it is born in `state` at version 1. */
export const birth = <S extends string, A extends string>(
  machine: { name: string },
  action: A,
  state: S,
  request: Omit<TransitionRequest<A>, 'action'>,
): TransitionEvent<S, A> => ({
  machine: machine.name,
  action,
  from: null,
  to: state,
  actor: request.actor,
  role: request.role,
  reason: request.reason ?? null,
  at: request.now.toISOString(),
  deviceAt: request.deviceTime ?? null,
  expectedVersion: 0,
  version: 1,
});

export const allowedActions = <S extends string, A extends string, E extends Versioned<S>>(
  machine: MachineDef<S, A, E>,
  entity: E,
  role: Role,
  now: Date,
): A[] =>
  (Object.keys(machine.transitions) as A[]).filter((action) =>
    transition(machine, entity, { action, actor: '', role, now }).ok,
  );
