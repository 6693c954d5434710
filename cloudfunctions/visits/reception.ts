import { repairWhere } from '@shared/messages/place-label';
import type * as c from '@shared/contracts/reception.contract';
import { deadlineStamp } from '@shared/time/deadline-clock';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import { complaintModel, type ComplaintDoc } from '@shared/model/complaint.model';
import { groupVisitModel, receptionModel, type GroupVisitDoc, type ReceptionDoc } from '@shared/model/reception.model';
import { roomLabel } from '@shared/model/property.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { atShanghai, inShanghai, shanghaiDate } from '@shared/time/shanghai';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { derivedId } from '../_shared/ids';
import { enqueueNotice, scheduleNotice, sendNow } from '../_shared/outbox';
import { findInTx, withoutId } from '../_shared/repo';
import { complaintSource } from '../_shared/complaints.repo';
import { mapPage, readPage, type SortKey, type Source } from '../_shared/paging';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { repairLinesSource } from '../_shared/repairs.repo';

const viewOf = (r: ReceptionDoc): c.ReceptionViewT => ({
  id: r._id,
  kind: r.kind,
  name: r.name,
  address: r.address,
  phone: r.phone,
  subject: r.subject,
  department: r.department,
  responsible: r.responsible,
  recorder: r.recorder,
  at: r.at,
  settled: r.settled,
  replyBy: r.replyBy,
  result: r.result,
  linked: r.linked,
  version: r.version,
});

/** V1 V2: logged as the desk hears it; what cannot be settled at once goes to the department head the same day (in the app, now). */
export const log: Handler<typeof c.log> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  if (!input.settled && !input.replyBy) return failure('RECEPTION.REPLY_TIME_REQUIRED');
  const doc = receptionModel.toStored({
    _id: derivedId('rc', ctx.commandKey),
    propertyId: member.propertyId,
    kind: input.kind,
    name: input.name,
    address: input.address,
    phone: input.phone,
    subject: input.subject,
    department: input.department,
    responsible: input.responsible,
    recorder: member.name,
    at: now.toISOString(),
    date: shanghaiDate(now),
    settled: input.settled,
    replyBy: input.replyBy ? new Date(input.replyBy).toISOString() : null,
    result: null,
    linked: null,
    version: 1,
  });
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, 'visits.log', async (tx) => {
    queued.length = 0;
    await tx.collection('receptions').doc(doc._id).set({ data: withoutId(doc) });
    if (!doc.settled) {
      queued.push(
        await enqueueNotice(
          tx,
          doc._id,
          {
            propertyId: doc.propertyId,
            kind: 'reception.unsettled',
            channel: 'inbox',
            recipient: audienceOfRole('supervisor'),
            subject: { kind: 'reception', id: doc._id },
            title: messages.notices['reception.unsettled'],
            body: format(messages.receptionTexts.unsettled, { name: doc.name, address: doc.address, subject: doc.subject, when: deadlineStamp(new Date(doc.replyBy ?? doc.at)) }),
            urgent: false,
          },
          now,
        ),
      );
    }
    return viewOf(doc);
  });
  if (fresh) await sendNow(deps, queued);
  return ok(result);
};

/** V1: the result, written back into the log, once per version seen. */
export const writeResult: Handler<typeof c.writeResult> = async (input, ctx) => {
  const { member, now } = ctx;
  // Issue 16: the entry is read once, in the transaction started with the membership (a read before it was one more wait).
  const { result } = await applyOnce(ctx, 'visits.writeResult', async (tx) => {
    const r = await findInTx(tx, receptionModel, input.receptionId);
    if (!r || r.propertyId !== member.propertyId) throw new ActionFailure('RECEPTION.NOT_FOUND');
    if (r.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const next = receptionModel.toStored({ ...r, version: r.version + 1, settled: true, result: { text: input.text, by: member.name, at: now.toISOString() } });
    await tx.collection('receptions').doc(r._id).set({ data: withoutId(next) });
    return viewOf(next);
  });
  return ok(result);
};

const calls = ['phone', 'walk_in'];

/** A repair the desk registered from a call or a walk-in (V2), as a line of the log: one record, not two. */
const fromRepair = (r: RepairDoc): c.ReceptionViewT | null =>
  r.callRecord && (r.channel === 'phone' || r.channel === 'walk_in')
    ? { id: r._id, kind: r.channel, name: r.callRecord.callerName, address: repairWhere(r), phone: r.callRecord.phone, subject: r.callRecord.subject, department: messages.receptionLinks.repair, responsible: r.technician?.name ?? '', recorder: r.callRecord.recorder, at: r.callRecord.receivedAt, settled: true, replyBy: null, result: null, linked: { kind: 'repair', id: r._id }, version: 1 }
    : null;

const fromComplaint = (k: ComplaintDoc): c.ReceptionViewT | null =>
  k.callRecord && (k.channel === 'phone' || k.channel === 'walk_in')
    ? { id: k._id, kind: k.channel, name: k.callRecord.callerName, address: roomLabel(k.address), phone: k.callRecord.phone, subject: k.description, department: k.slip?.department ?? messages.receptionLinks.complaint, responsible: k.slip?.assignee ?? '', recorder: k.callRecord.recorder, at: k.callRecord.receivedAt, settled: true, replyBy: null, result: null, linked: { kind: 'complaint', id: k._id }, version: 1 }
    : null;

const asLine = <D>(model: { parse(raw: unknown): D }, line: (doc: D) => c.ReceptionViewT | null) => (raw: unknown): c.ReceptionViewT => {
  const view = line(model.parse(raw));
  if (!view) throw new Error(`${String((raw as { _id?: unknown })._id)} matched the reception log's query without a call record`);
  return view;
};

/**
 * V1 V2: one log of every call and walk-in of a Shanghai day, in the order they came: the desk's
 * own entries, and the calls and visits it registered as repairs or complaints, linked to them.
 */
export const receptionLog: Handler<typeof c.receptionLog> = async (input, { deps }) => {
  const _ = deps.db.command;
  const from = atShanghai(input.date);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const received = { propertyId: input.propertyId, channel: _.in(calls), 'callRecord.receivedAt': _.gte(from.toISOString()).and(_.lt(to.toISOString())) };
  const byReceipt: SortKey[] = [{ field: 'callRecord.receivedAt', order: 'asc' }];
  const page = await readPage<c.ReceptionViewT>(
    deps.db,
    {
      name: 'visits.receptionLog',
      sources: [
        { collection: 'receptions', where: { propertyId: input.propertyId, date: input.date }, sort: [{ field: 'at', order: 'asc' }], parse: (raw) => viewOf(receptionModel.parse(raw)) },
        repairLinesSource(received, byReceipt, asLine(repairModel, fromRepair)),
        complaintSource(received, byReceipt, asLine(complaintModel, fromComplaint)),
      ],
    },
    input,
  );
  return ok({ date: input.date, ...page });
};

const groupViewOf = (g: GroupVisitDoc) => ({ id: g._id, names: g.names, headcount: g.headcount, arrivalAt: g.arrivalAt, departureAt: g.departureAt, itinerary: g.itinerary, host: g.host });

/** V3: a group visit is recorded, and staff are reminded 30 minutes before it arrives (a scheduled notice). */
export const planGroupVisit: Handler<typeof c.planGroupVisit> = async (input, ctx) => {
  const { member, now } = ctx;
  const arrival = new Date(input.arrivalAt);
  const departure = new Date(input.departureAt);
  if (departure <= arrival || arrival <= now) return failure('GROUP_VISIT.TIMES');
  const doc = groupVisitModel.toStored({
    _id: derivedId('gv', ctx.commandKey),
    propertyId: member.propertyId,
    names: input.names,
    headcount: input.headcount,
    arrivalAt: arrival.toISOString(),
    departureAt: departure.toISOString(),
    itinerary: input.itinerary,
    host: member.name,
    date: shanghaiDate(arrival),
    reminder: null,
    createdAt: now.toISOString(),
  });
  const { result } = await applyOnce(ctx, 'visits.planGroupVisit', async (tx) => {
    const readyAt = new Date(arrival.getTime() - 30 * 60_000);
    const body = format(messages.receptionTexts.arriving, { names: doc.names.slice(0, 3).join('、'), n: doc.headcount, when: inShanghai(doc.arrivalAt).format('HH:mm'), itinerary: doc.itinerary });
    let reminder: string | null = null;
    for (const role of ['desk', 'supervisor'] as const) {
      const notice = { propertyId: doc.propertyId, kind: 'group.arriving' as const, channel: 'inbox' as const, recipient: audienceOfRole(role), subject: { kind: 'groupVisit', id: doc._id }, title: messages.notices['group.arriving'], body, urgent: true };
      reminder = readyAt > now ? await scheduleNotice(tx, `arriving:${doc._id}`, notice, readyAt, now) : (await enqueueNotice(tx, `arriving:${doc._id}`, notice, now))._id;
    }
    await tx.collection('groupVisits').doc(doc._id).set({ data: withoutId(groupVisitModel.toStored({ ...doc, reminder })) });
    return groupViewOf(doc);
  });
  return ok(result);
};

export const groupVisits: Handler<typeof c.groupVisits> = async (input, { deps }) => {
  const day: Source<GroupVisitDoc> = { collection: 'groupVisits', where: { propertyId: input.propertyId, date: input.date }, sort: [{ field: 'arrivalAt', order: 'asc' }], parse: (raw) => groupVisitModel.parse(raw) };
  return ok(mapPage(await readPage(deps.db, { name: 'visits.groupVisits', sources: [day] }, input), groupViewOf));
};
