import type { Role } from '../model/member.model';
import { screenOf, type Decision, type Screen, type Screening, type Verdict } from '../model/screening.model';

/**
 * Issue 13 (1.9): what WeChat's content checks decide about residents' text and photos shown to
 * others. Flagged content (`review` or `risky`) is held: the ticket is recorded and handled as
 * usual (R3: an urgent repair reaches the desk at once), but the flagged item is kept from
 * technicians, notices and the staff group until the desk releases it; redacted, it is kept from
 * them for good. Content not yet checked is shown, like a photo awaiting its asynchronous verdict:
 * holding it would blind the technician of an urgent repair whenever the checker is slow or down.
 * The resident who wrote it and the desk side always see it, the desk side marked.
 */
export const flagged = (verdict: Verdict): boolean => verdict === 'review' || verdict === 'risky';

/** Kept from others: flagged and not released, or redacted by the desk. */
export const isHeld = (s: Screen): boolean => (s.decision ? s.decision.action === 'redact' : flagged(s.verdict));

/** Flagged and waiting for the desk's word. */
export const awaitsDesk = (s: Screen): boolean => !s.decision && flagged(s.verdict);

/** How many items of a ticket wait for the desk: its queue's count. */
export const heldItems = (screening: Screening): number => [screening.text, ...screening.photos].filter(awaitsDesk).length;

/** Who sees held content, marked: the desk side, which decides on it. */
export const SCREENING_ROLES: readonly Role[] = ['desk', 'supervisor', 'manager'];
export const seesHeldContent = (role: Role): boolean => SCREENING_ROLES.includes(role);

export type ScreenAction = Decision['action'];

/**
 * Release only what the check flagged; redact anything not yet decided (the desk may hide what a
 * check passed). A decision is final.
 */
export const canDecide = (s: Screen, action: ScreenAction): boolean => !s.decision && (action === 'redact' || awaitsDesk(s));

/** A verdict lands only on an item still waiting for one: a late or repeated answer changes nothing. */
export const awaitsVerdict = (s: Screen): boolean => s.verdict === 'pending' || s.verdict === 'unchecked';

export const withVerdict = (s: Screen, verdict: Verdict, label: number | null, at: string): Screen => ({ ...s, verdict, label, checkedAt: at });

/** A photo's screen; a photo the screening does not list (attached before checks began) is exempt. */
export const photoScreen = (screening: Screening, fileId: string): Screen => {
  const found = screening.photos.find((p) => p.fileId === fileId);
  return found ? { verdict: found.verdict, label: found.label, checkedAt: found.checkedAt, decision: found.decision } : screenOf('exempt');
};

/** The photos others may see, in their order. */
export const photosShown = (photos: readonly string[], screening: Screening): string[] =>
  photos.filter((fileId) => !isHeld(photoScreen(screening, fileId)));

/** A check's `result.suggest`, as a verdict; anything else WeChat might answer is taken for review. */
export const verdictOfSuggest = (suggest: string): Verdict => (suggest === 'pass' || suggest === 'risky' ? suggest : 'review');

/** An item of a ticket the desk decides on: its text, or the photo at `index` in its photos. */
export type ScreenedItem = { kind: 'text' } | { kind: 'photo'; index: number };
export type DecisionRefusal = 'CONTENT.ITEM_NOT_FOUND' | 'CONTENT.NOT_HELD' | 'CONTENT.ALREADY_DECIDED';

const refusalOf = (s: Screen, action: ScreenAction): DecisionRefusal | null => {
  if (s.decision) return 'CONTENT.ALREADY_DECIDED';
  return canDecide(s, action) ? null : 'CONTENT.NOT_HELD';
};

/** The screening with the desk's decision on one item, or why it cannot be taken. */
export const decideItem = (
  screening: Screening,
  photos: readonly string[],
  item: ScreenedItem,
  decision: Decision,
): { ok: true; screening: Screening } | { ok: false; code: DecisionRefusal } => {
  if (item.kind === 'text') {
    const refused = refusalOf(screening.text, decision.action);
    return refused ? { ok: false, code: refused } : { ok: true, screening: { ...screening, text: { ...screening.text, decision } } };
  }
  const fileId = photos[item.index];
  if (fileId === undefined) return { ok: false, code: 'CONTENT.ITEM_NOT_FOUND' };
  const current = photoScreen(screening, fileId);
  const refused = refusalOf(current, decision.action);
  if (refused) return { ok: false, code: refused };
  const decided = { fileId, ...current, decision };
  const listed = screening.photos.some((p) => p.fileId === fileId);
  return {
    ok: true,
    screening: {
      ...screening,
      photos: listed ? screening.photos.map((p) => (p.fileId === fileId ? decided : p)) : [...screening.photos, decided],
    },
  };
};
