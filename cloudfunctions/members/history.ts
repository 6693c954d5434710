import { recordedChange, type TransitionEvent } from '@shared/domain/state-machine';
import type { BindingDoc } from '@shared/model/binding.model';
import type { MemberDoc, Role } from '@shared/model/member.model';
import type { messages } from '@shared/messages';

export type MemberAction = keyof typeof messages.memberActions;

interface By {
  actor: string;
  role: Role;
  now: Date;
  reason?: string;
}

export const memberSubject = (m: MemberDoc) => ({ kind: 'member', id: m._id, propertyId: m.propertyId });
export const bindingSubject = (b: BindingDoc) => ({ kind: 'binding', id: b._id, propertyId: b.propertyId });

/**
 * A change to a membership, for its history: who did it, when, from what to what. Members carry no
 * version, so each event's id is made unique by the command that caused it.
 */
export const memberEvent = (action: MemberAction, from: string | null, to: string, by: By): TransitionEvent<string, string> =>
  recordedChange('member', action, { from, to, version: 1 }, by);

/** A step in a binding request's life, made at `version` of the request. */
export const bindingEvent = (action: MemberAction, from: string | null, to: string, version: number, by: By): TransitionEvent<string, string> =>
  recordedChange('binding', action, { from, to, version }, by);
