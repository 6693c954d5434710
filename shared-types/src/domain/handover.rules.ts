import type { DutyEntry } from '../model/duty.model';
import { SIGN_IN_EARLY_MINUTES } from './duty-page.rules';

export type HandoverRefusal =
  | 'DUTY.HANDOVER_NOT_DUE'
  | 'DUTY.HANDOVER_EVENT_UNFINISHED'
  | 'DUTY.HANDOVER_EQUIPMENT_CHANGING'
  | 'DUTY.HANDOVER_PREPARATION_INCOMPLETE'
  | 'DUTY.HANDOVER_NO_INCOMING'
  | 'DUTY.HANDOVER_MATTER_MISSING';

export interface HandoverAttempt {
  page: { startsAt: Date; endsAt: Date; entries: readonly Pick<DutyEntry, 'id' | 'kind' | 'major' | 'status'>[] };
  /** The outgoing member's preparation list, each item checked or not. */
  preparation: readonly boolean[];
  checklistLength: number;
  /** Someone signed in on the next page, or a substitute named. */
  incomingPresent: boolean;
  /** The entries the handover hands over with cause, process and result. */
  handedEntryIds: readonly string[];
}

/** D3: the open major matters that must be handed over: major entries handled but still being followed. */
export const mattersToHand = (entries: readonly Pick<DutyEntry, 'id' | 'major' | 'status'>[]): string[] =>
  entries.filter((e) => e.major && e.status === 'following').map((e) => e.id);

/**
 * D3: why a handover may not happen now, or null. Not before the last hour of the shift; never while
 * a major or emergency event is still happening, while major equipment is starting or stopping,
 * while the outgoing member's preparation list is incomplete, or while nobody has signed in for the
 * next shift and no substitute is named; and every open major matter goes with it.
 */
export const handoverRefusal = (a: HandoverAttempt, now: Date): HandoverRefusal | null => {
  if (now.getTime() < a.page.endsAt.getTime() - SIGN_IN_EARLY_MINUTES * 60_000 || now < a.page.startsAt) return 'DUTY.HANDOVER_NOT_DUE';
  const happening = a.page.entries.filter((e) => e.status === 'happening');
  if (happening.some((e) => e.major)) return 'DUTY.HANDOVER_EVENT_UNFINISHED';
  if (happening.some((e) => e.kind === 'equipment')) return 'DUTY.HANDOVER_EQUIPMENT_CHANGING';
  if (a.preparation.length !== a.checklistLength || a.preparation.some((done) => !done)) return 'DUTY.HANDOVER_PREPARATION_INCOMPLETE';
  if (!a.incomingPresent) return 'DUTY.HANDOVER_NO_INCOMING';
  if (mattersToHand(a.page.entries).some((id) => !a.handedEntryIds.includes(id))) return 'DUTY.HANDOVER_MATTER_MISSING';
  return null;
};
