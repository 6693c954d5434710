import type { ScreeningView, ScreenView } from '@shared/contracts/screening.contract';
import { awaitsDesk, isHeld, photoScreen, photosShown, seesHeldContent } from '@shared/domain/content-screening.rules';
import * as messages from '@shared/messages/words';
import type { MemberDoc } from '@shared/model/member.model';
import { complaintModel, type ComplaintDoc } from '@shared/model/complaint.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import type { ScreenedKind, Screen, Screening } from '@shared/model/screening.model';

/**
 * Issue 13 (1.9): the tickets whose residents' text and photos are screened, and what each role is
 * shown of them. The rules themselves are in shared-types/src/domain/content-screening.rules.ts.
 */
export const screenedKinds = {
  repair: { model: repairModel, text: (r: RepairDoc) => r.description },
  complaint: { model: complaintModel, text: (c: ComplaintDoc) => [c.target, c.description, c.request].join('\n') },
} as const;

export type ScreenedDoc = RepairDoc | ComplaintDoc;

export const textOf = (kind: ScreenedKind, doc: ScreenedDoc): string =>
  kind === 'repair' ? screenedKinds.repair.text(doc as RepairDoc) : screenedKinds.complaint.text(doc as ComplaintDoc);

/** A text as notices, the staff group and technicians get it: held, it is replaced by a word of why. */
export const textForOthers = (text: string, screen: Screen): string => {
  if (!isHeld(screen)) return text;
  return screen.decision?.action === 'redact' ? messages.screening.redacted : messages.screening.held;
};

/** The author and the desk side see everything they may see of the ticket; everyone else what is not held. */
export const seesAll = (member: MemberDoc, authorOpenid: string | null): boolean => seesHeldContent(member.role) || member.openid === authorOpenid;

const screenView = (s: Screen): ScreenView => ({
  verdict: s.verdict,
  label: s.label,
  held: isHeld(s),
  awaitsDesk: awaitsDesk(s),
  decision: s.decision ? { action: s.decision.action, by: s.decision.by, at: s.decision.at } : null,
});

/** The desk side's marks, the photos' in the order of `photos`; nobody else gets any. */
export const screeningViewFor = (member: MemberDoc, screening: Screening, photos: readonly string[]): ScreeningView | null =>
  seesHeldContent(member.role) ? { text: screenView(screening.text), photos: photos.map((id) => screenView(photoScreen(screening, id))) } : null;

/** The ticket's photos for this member: all of them for the author and the desk side, the ones not held for others. */
export const photosFor = (member: MemberDoc, authorOpenid: string | null, photos: readonly string[], screening: Screening): string[] =>
  seesAll(member, authorOpenid) ? [...photos] : photosShown(photos, screening);
