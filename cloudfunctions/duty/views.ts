import type * as c from '@shared/contracts/duty.contract';
import { needsEmergencyRecord, openProposals, type Proposal } from '@shared/domain/duty-log.rules';
import type { ShiftPage } from '@shared/domain/duty-page.rules';
import { mattersToHand } from '@shared/domain/handover.rules';
import type { DutyEntry, DutyPageDoc, HandoverDoc } from '@shared/model/duty.model';
import type { MemberDoc } from '@shared/model/member.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import { pageIdOf } from './duty.repo';

export const entryView = (e: DutyEntry): c.EntryViewT => ({
  id: e.id,
  at: e.at,
  kind: e.kind,
  what: e.what,
  handling: e.handling,
  followUp: e.followUp,
  result: e.result,
  status: e.status,
  major: e.major,
  source: e.source,
  recorder: e.recorder,
  emergency: e.emergency ? { account: e.emergency.account, photos: e.emergency.photos, by: e.emergency.by, at: e.emergency.at } : null,
  needsEmergency: needsEmergencyRecord(e),
});

const handoverView = (h: HandoverDoc, member: MemberDoc) => ({
  id: h._id,
  status: h.status,
  outgoing: { name: h.outgoing.name, at: h.outgoing.at },
  incoming: { name: h.incoming.name, substitute: h.incoming.substitute, at: h.incoming.at },
  matters: h.matters,
  instructions: h.instructions,
  preparation: h.preparation,
  late: h.late,
  canReceive: h.status === 'handed' && h.incoming.openid === member.openid,
  version: h.version,
});

export interface PageParts {
  shift: ShiftPage;
  stored: DutyPageDoc | null;
  handover: HandoverDoc | null;
  proposals: readonly Proposal[];
  settings: SettingsDoc;
  daySigned: boolean;
  now: Date;
}

/** D1 D3: a page as staff see it; no openid leaves the server (people are named by member id and name). */
export const pageView = (p: PageParts, member: MemberDoc): c.PageViewT => {
  const entries = p.stored?.entries ?? [];
  return {
    pageId: pageIdOf(member.propertyId, p.shift),
    date: p.shift.date,
    shiftName: p.shift.shiftName,
    shiftStart: p.shift.shiftStart,
    startsAt: p.shift.startsAt.toISOString(),
    endsAt: p.shift.endsAt.toISOString(),
    onDuty: p.shift.startsAt <= p.now && p.now < p.shift.endsAt,
    signedIn: (p.stored?.signedIn ?? []).map((s) => ({ memberId: s.memberId, name: s.name, at: s.at })),
    entries: [...entries].sort((a, b) => a.at.localeCompare(b.at)).map(entryView),
    proposals: openProposals(p.proposals, entries),
    checklist: p.settings.handoverChecklist,
    mattersToHand: mattersToHand(entries),
    handover: p.handover ? handoverView(p.handover, member) : null,
    daySigned: p.daySigned,
    version: p.stored?.version ?? 0,
  };
};
