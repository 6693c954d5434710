import type { ComplaintView, create, register } from '@shared/contracts/complaints.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import { birth, transition, type TransitionEvent, type TransitionRequest } from '@shared/domain/state-machine';
import { complaintMachine, type ComplaintAction } from '@shared/domain/complaint.machine';
import { urgencyOf } from '@shared/domain/complaint-class.rules';
import { classifyDeadline, handlingDeadline } from '@shared/domain/complaint-deadline.rules';
import { decideGroup, households, matterKeyOf, type MatterEntry } from '@shared/domain/group-complaint.rules';
import { registerDateOf } from '@shared/domain/complaint-register.rules';
import { shiftAt } from '@shared/domain/shift.rules';
import {
  complaintModel,
  type ComplaintChannel,
  type ComplaintDoc,
  type ComplaintGroupDoc,
  type ComplaintPlace,
  type ComplaintCategory,
  untouched,
} from '@shared/model/complaint.model';
import type { MemberDoc } from '@shared/model/member.model';
import { roomLabel } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { ContentCheckDoc } from '@shared/model/screening.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Database, Tx } from '../_shared/database';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { dailyQuota, withinDailyLimit } from '../_shared/daily-limits';
import { appendEvent } from '../_shared/events';
import { openNewSubjectClock } from '../_shared/deadlines';
import { enqueueNotice, sendNow, type Notice } from '../_shared/outbox';
import { derivedId } from '../_shared/ids';
import { findRoomAsStored } from '../_shared/rooms';
import { loadSettings } from '../_shared/settings';
import { ownsFile } from '../_shared/storage';
import { queueChecks, screenAtFiling, submitNow } from '../_shared/content-check';
import { complaintStore } from '../_shared/screened-store';
import { textForOthers } from '../_shared/screened';
import { cancelClockAfter, subjectOf } from './clocks';
import { complaintNotices, majorAudience } from './notices';
import { residentComplaintNotice } from './resident-notice';
import { toComplaintView } from './views';
import { findMember } from '../_shared/membership';
import { readComplaintInTx, unresolvedOnMatter, writeComplaintInTx } from '../_shared/complaints.repo';
import { matterEachRun, matterExists, readGroupInTx, recordMatterInTx, writeGroupInTx } from './complaints.repo';

export interface Intake {
  action: 'complaints.create' | 'complaints.register' | 'callbacks.raiseComplaint';
  resident: MemberDoc;
  roomId: string;
  category: ComplaintCategory;
  place: ComplaintPlace;
  occurredAt: string;
  target: string;
  description: string;
  request: string;
  residentDeadline: string | null;
  photos: string[];
  channel: ComplaintChannel;
  phone: string;
  callRecord: ComplaintDoc['callRecord'];
  apologised: boolean;
  deviceTime?: string;
  commandId: string;
}

/** A device clock a few minutes fast must not make "just now" a time in the future. */
const SKEW_MS = 5 * 60 * 1000;

/** C3: the household's earlier complaint on the same matter that is still unresolved. */
const unresolvedRepeat = async (db: Database, propertyId: string, roomId: string, matterKey: string): Promise<string | null> =>
  (await unresolvedOnMatter(db, propertyId, roomId, matterKey))?._id ?? null;

/**
 * C1 C3 C4 C9: a complaint is recorded with every C1 field, entered in the day's register (C6), given
 * the same-day clock to be classified, and passed through its matter's document, where the fifth
 * household raises a group complaint and later ones join it. The desk on shift is told at once; a
 * group or a VIP's complaint also reaches the supervisor, the manager and the staff group.
 */
/** What the command records and answers, and anything else its transaction writes (B3 links the callback). */
export interface Finish<T> {
  answer: (view: ComplaintView, complaint: ComplaintDoc) => T;
  also?: (tx: Tx, complaint: ComplaintDoc) => Promise<void>;
}

const asView: Finish<ComplaintView> = { answer: (view) => view };

/** What a filing reads that needs only the property, the room and the matter (issue 16: a resident's and the desk's, beside the membership). */
const filingReads = (deps: Deps, { propertyId, roomId, category, place }: { propertyId: string; roomId: string; category: ComplaintCategory; place: ComplaintPlace }) => {
  const matterKey = matterKeyOf(category, place);
  return Promise.all([findRoomAsStored(deps.db, roomId), loadSettings(deps, propertyId), unresolvedRepeat(deps.db, propertyId, roomId, matterKey), matterExists(deps.db, propertyId, matterKey)]);
};
type FilingReads = Awaited<ReturnType<typeof filingReads>>;

export const fileComplaint = async <T = ComplaintView>(intake: Intake, ctx: ActionContext, finish: Finish<T> = asView as unknown as Finish<T>, early?: FilingReads) => {
  const { member, deps, now } = ctx;
  if (!intake.resident.roomIds.includes(intake.roomId)) return failure('COMPLAINT.ROOM_NOT_YOURS');
  if (new Date(intake.occurredAt).getTime() > now.getTime() + SKEW_MS) return failure('COMPLAINT.IN_THE_FUTURE');
  if (intake.residentDeadline && new Date(intake.residentDeadline) <= now) return failure('COMPLAINT.DEADLINE_PASSED');
  // C3: the household's open complaint on the matter and the matter itself are read with the room and the settings.
  const matterKey = matterKeyOf(intake.category, intake.place);
  const [room, settings, repeatOf, matterFound] = early ?? (await filingReads(deps, { ...intake, propertyId: member.propertyId }));
  if (!room || room.propertyId !== member.propertyId) return failure('COMPLAINT.ROOM_NOT_YOURS');
  // The text check goes out beside the place of the day, and is bounded: it never holds a complaint back.
  const screened = screenAtFiling(deps, {
    authorOpenid: intake.resident.openid,
    byAuthor: intake.action === 'complaints.create',
    text: [intake.target, intake.description, intake.request].join('\n'),
    photos: intake.photos,
  });
  // R2: what the desk registers for a resident (a call, a visit, a callback's complaint) is never refused by a limit.
  const quota = intake.action === 'complaints.create' ? dailyQuota('complaints', intake.resident.openid, settings, ctx) : null;
  return withinDailyLimit(deps.db, quota, async () => {
    const screening = await screened;
    const matterOf = matterEachRun(deps.db, member.propertyId, matterKey, matterFound);
    const at = now.toISOString();
    const actor = { actor: member.openid, role: member.role, now, deviceTime: intake.deviceTime };
    const clock = classifyDeadline(now, now, settings);
    const complaint = complaintModel.toStored({
      _id: derivedId('cp', ctx.commandKey),
      propertyId: member.propertyId,
      status: 'received',
      version: 1,
      urgency: urgencyOf(intake.resident.vip || !!repeatOf, null),
      ...untouched,
      dueRule: clock.rule,
      dueAt: clock.dueAt.toISOString(),
      createdAt: at,
      updatedAt: at,
      residentOpenid: intake.resident.openid,
      residentName: intake.resident.name,
      phone: intake.phone,
      roomId: room._id,
      address: { building: room.building, unit: room.unit, room: room.room },
      vip: intake.resident.vip,
      channel: intake.channel,
      category: intake.category,
      place: intake.place,
      matterKey,
      occurredAt: new Date(intake.occurredAt).toISOString(),
      target: intake.target,
      description: intake.description,
      request: intake.request,
      residentDeadline: intake.residentDeadline ? new Date(intake.residentDeadline).toISOString() : null,
      photos: intake.photos,
      apology: intake.apologised ? { by: member.name, at } : null,
      repeatOf,
      groupId: null,
      callRecord: intake.callRecord,
      rating: null,
      registerDate: registerDateOf(now),
      createdBy: { openid: member.openid, role: member.role },
      screening,
    });
    const shownText = textForOthers(complaint.description, screening.text);
    const onShift = shiftAt(settings.shifts, now).deskOpenids;
    const hasGroup = settings.wecomWebhook !== null;

    const queued: OutboxDoc[] = [];
    const checks: ContentCheckDoc[] = [];
    const { result, fresh } = await applyOnce<T>(ctx, intake.action, async (tx) => {
      queued.length = 0;
      const { matter, created } = await matterOf(tx);
      const entry: MatterEntry = { complaintId: complaint._id, roomId: complaint.roomId, at };
      const { recent, decision } = decideGroup(matter, entry, now, settings.groupComplaintWindowHours);
      const groupId = decision.kind === 'join' ? decision.groupId : derivedId('cg', ctx.commandKey);
      // C3: the matter is the one document every filing on it writes, so it is written first: of
      // filings at the same moment one holds it and the others abort here, before they write (and
      // lock) anything else, and wait their turn in applyOnce. The group and the households'
      // complaints are written only under it: one lock order for all, so a winner always commits.
      await recordMatterInTx(tx, matter, created, recent, decision.kind === 'none' ? matter.openGroupId : groupId);
      const events: TransitionEvent<string, string>[] = [birth(complaintMachine, 'file', actor)];
      let stored: ComplaintDoc = complaint;
      let group: ComplaintGroupDoc | null = null;
      let notices: Notice[];

      if (decision.kind === 'none') {
        await openNewSubjectClock(tx, subjectOf(complaint), clock, now);
        const vip = complaint.urgency === 'top';
        notices = complaintNotices(
          complaint,
          'complaint.new',
          shownText,
          { inbox: [audienceOfRole('desk'), ...(vip ? [audienceOfRole('supervisor')] : [])], onShift, group: vip },
          hasGroup,
        );
        notices.push(residentComplaintNotice('file', complaint, complaint, now));
      } else {
        const joined = joinIn(complaint, groupId, actor);
        stored = { ...joined.doc, dueRule: null, dueAt: null };
        events.push(joined.event);
        if (decision.kind === 'join') {
          group = await joinGroup(tx, groupId, stored);
          notices = complaintNotices(group, 'complaint.group', format(messages.complaintTexts.groupJoined, { address: roomLabel(complaint.address) }), { inbox: [audienceOfRole('desk')], onShift, group: false }, hasGroup);
        } else {
          const raised = await raiseGroup(tx, groupId, matter.matterKey, stored, decision.members, settings, ctx);
          group = raised.group;
          notices = complaintNotices(group, 'complaint.group', format(messages.complaintTexts.groupRaised, { n: households(decision.members), text: shownText }), majorAudience(), hasGroup);
          // C3: every household already in the matter hears, with the one who raised it, that the manager takes it up.
          for (const other of raised.joined) notices.push(residentComplaintNotice('join', other, group, now));
        }
        notices.push(residentComplaintNotice('join', stored, group, now));
      }
      await writeComplaintInTx(tx, stored);
      for (const event of events) await appendEvent(tx, subjectOf(stored), event, intake.commandId);
      for (const notice of notices) queued.push(await enqueueNotice(tx, complaint._id, notice, now));
      await finish.also?.(tx, stored);
      checks.splice(0, checks.length, ...(await queueChecks(tx, { kind: 'complaint', doc: stored, authorOpenid: stored.residentOpenid }, now, intake.commandId)));
      return finish.answer(toComplaintView(stored, member, now, group), stored);
    });
    if (fresh) {
      await sendNow(deps, queued, settings);
      await submitNow(deps, complaintStore, checks);
    }
    return ok(result);
  });
};

/** C3: a household's complaint joins its group through the machine; the group handles it from then on. */
const joinIn = (c: ComplaintDoc, groupId: string, request: Omit<TransitionRequest<ComplaintAction>, 'action'>) => {
  const moved = transition(complaintMachine, c, { ...request, action: 'join' });
  if (!moved.ok) throw new ActionFailure(moved.code);
  return { doc: { ...c, status: moved.status, version: moved.version, groupId }, event: moved.event };
};

/** C3: the group takes the household in; its handling version is the desk's, so it does not move. */
const joinGroup = async (tx: Tx, groupId: string, c: ComplaintDoc): Promise<ComplaintGroupDoc> => {
  const group = await readGroupInTx(tx, groupId);
  return writeGroupInTx(tx, {
    ...group,
    memberIds: [...group.memberIds, c._id],
    roomIds: group.roomIds.includes(c.roomId) ? group.roomIds : [...group.roomIds, c.roomId],
  });
};

/**
 * C3 C4: the fifth household raises the group. It links every complaint about the matter within the
 * window; those still open stop their own clocks and are handled through the group, which is
 * responsible and major until the desk confirms its class, and due to the manager the same day.
 */
const raiseGroup = async (
  tx: Tx,
  groupId: string,
  matterKey: string,
  c: ComplaintDoc,
  members: readonly MatterEntry[],
  settings: SettingsDoc,
  ctx: ActionContext,
): Promise<{ group: ComplaintGroupDoc; joined: ComplaintDoc[] }> => {
  const { now, member } = ctx;
  const joinedDocs: ComplaintDoc[] = [];
  const at = now.toISOString();
  const plan = handlingDeadline({ class: 'responsible', severity: 'major', jurisdiction: null }, { since: now, residentDeadline: null }, now, settings);
  const group = await writeGroupInTx(tx, {
    _id: groupId,
    propertyId: c.propertyId,
    status: 'handling',
    version: 1,
    urgency: 'top',
    ...untouched,
    dueRule: plan?.rule ?? null,
    dueAt: plan?.dueAt.toISOString() ?? null,
    createdAt: at,
    updatedAt: at,
    matterKey,
    category: c.category,
    place: c.place,
    memberIds: members.map((m) => m.complaintId),
    roomIds: [...new Set(members.map((m) => m.roomId))],
    settledAt: null,
    registerDate: registerDateOf(now),
  });
  const actor = { actor: member.openid, role: member.role, now, reason: format(messages.complaintTexts.households, { n: group.roomIds.length }) };
  await appendEvent(tx, subjectOf(group), birth(complaintMachine, 'raise', actor), ctx.commandKey);
  if (plan) await openNewSubjectClock(tx, subjectOf(group), plan, now);
  for (const m of members) {
    if (m.complaintId === c._id) continue;
    const other = await readComplaintInTx(tx, m.complaintId);
    const stillOpen = other.status === 'received' || other.status === 'handling';
    const joined = stillOpen ? joinIn(other, groupId, actor) : null;
    const moved: ComplaintDoc = { ...(joined?.doc ?? { ...other, groupId }), updatedAt: at };
    await writeComplaintInTx(tx, moved);
    if (!joined) continue;
    // Stamped with the household's version, so no change of its clock an older write journaled lands over it (deadlines.ts `journaledMove`).
    cancelClockAfter(tx, other, ctx.now, { subjectVersion: moved.version });
    await appendEvent(tx, subjectOf(other), joined.event, ctx.commandKey);
    joinedDocs.push(moved);
  }
  return { group, joined: joinedDocs };
};

/** C1: a resident files from the mini-program, with photos from their own folder; what the filing reads goes out with the membership (issue 16). */
export const createComplaint: Handler<typeof create> = /* @__PURE__ */ withPrefetch<typeof create, FilingReads>(
  (input, deps) => filingReads(deps, input),
  async (input, ctx, reads) => {
    if (!input.photos.every((fileId) => ownsFile(ctx.member, fileId))) return failure('COMPLAINT.PHOTO_NOT_YOURS');
    return fileComplaint(
      { ...input, action: 'complaints.create', resident: ctx.member, channel: 'miniprogram', phone: ctx.member.phone, callRecord: null, apologised: false },
      ctx,
      asView,
      reads,
    );
  },
);

/** C1 V2: the desk registers a complaint made by phone, in person, by letter or by e-mail, having apologised. */
export const registerComplaint: Handler<typeof register> = /* @__PURE__ */ withPrefetch<typeof register, [MemberDoc | null, FilingReads]>(
  // Issue 16: the resident the desk names and what the filing reads are read beside the membership; checked against the caller's property below.
  (input, deps) => Promise.all([findMember(deps.db, input.residentId), filingReads(deps, input)]),
  async (input, ctx, [resident, reads]) => {
    if (!resident || resident.propertyId !== ctx.member.propertyId || resident.role !== 'resident' || resident.status !== 'active') {
      return failure('COMPLAINT.RESIDENT_NOT_FOUND');
    }
    return fileComplaint(
      {
        ...input,
        action: 'complaints.register',
        resident,
        photos: [],
        callRecord: { callerName: input.callerName, phone: input.phone, receivedAt: ctx.now.toISOString(), recorder: ctx.member.name },
      },
      ctx,
      asView,
      reads,
    );
  },
);
