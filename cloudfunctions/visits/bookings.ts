import { LOOKAHEAD_DAYS, type BookingView, type visitsActions } from '@shared/contracts/visits.contract';
import {
  checkStart,
  freeInWindow,
  DESK_SLOT_CAPACITY,
  deskSlots,
  firstOpenDay,
  HOME_VISIT_CAPACITY,
  homeSlots,
  rankForWindow,
  reminderTimes,
  repairWindowsOf,
  WINDOW_CAPACITY,
  windowRefusal,
  windowTechnicians,
  type Slot,
} from '@shared/domain/booking.rules';
import { callbackDeadline } from '@shared/domain/deadline.rules';
import { maskPhone } from '@shared/domain/phone';
import { birth, transition } from '@shared/domain/state-machine';
import { bookingMachine } from '@shared/domain/booking.machine';
import { callbackMachine } from '@shared/domain/callback.machine';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import type { ErrorCode } from '@shared/messages';
import { ok } from '@shared/result';
import { bookingModel, type BookingDoc, type BookingKind, type SlotDoc } from '@shared/model/booking.model';
import { callbackModel } from '@shared/model/callback.model';
import type { MemberDoc } from '@shared/model/member.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { roomLabel } from '@shared/model/property.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { atShanghai, datesFrom, inShanghai, shanghaiDate } from '@shared/time/shanghai';
import type { Tx } from '../_shared/database';
import type { ActionContext } from '../_shared/context';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { planCallback } from '../_shared/callbacks';
import { applyOnce } from '../_shared/commands';
import { alongsideDailyLimit, dailyQuota } from '../_shared/daily-limits';
import { openDeadline } from '../_shared/deadlines';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { derivedId } from '../_shared/ids';
import { enqueueNotice, scheduleNotice, sendNow } from '../_shared/outbox';
import { activeMembers } from '../_shared/membership';
import { ensureSlot, findSlot, givePlaceBack, givePlaceBackAfter, slotIdOf, slotsOn, takeFirstFree, type Place } from '../_shared/places';
import { findRoomAsStored } from '../_shared/rooms';
import { loadSettings } from '../_shared/settings';
import { mapPage, readPage } from '../_shared/paging';
import { textForOthers } from '../_shared/screened';
import { findRepair, readRepairInTx, saveRepairInTx } from '../_shared/repairs.repo';
import { readCallbackInTx, saveCallbackInTx, writeCallbackInTx } from '../_shared/callbacks';
import { bookingsByStart, findBooking, readBookingInTx, saveBookingInTx } from '../_shared/places';
import type { RoomDoc } from '@shared/model/property.model';

type Actions = typeof visitsActions;

const staff = (m: MemberDoc) => m.role !== 'resident';
const when = (iso: string) => inShanghai(iso).format('MM-DD HH:mm');
const span = (b: { start: string; end: string }) => `${inShanghai(b.start).format('MM-DD HH:mm')}-${inShanghai(b.end).format('HH:mm')}`;

const toView = (b: BookingDoc, member: MemberDoc): BookingView => ({
  id: b._id,
  kind: b.kind,
  status: b.status,
  version: b.version,
  residentName: b.residentName,
  phone: staff(member) ? b.phone : maskPhone(b.phone),
  address: b.address,
  topic: b.topic,
  start: b.start,
  end: b.end,
  reason: b.reason,
  repair: b.repair ? { id: b.repair.id, technicianName: b.repair.technician.name } : null,
});

const reminderBody: Record<BookingKind, string> = {
  desk: messages.bookingTexts.reminder,
  repair: messages.bookingTexts.repairReminder,
  home: messages.bookingTexts.homeReminder,
};

/**
 * V4: the resident is reminded 24 hours and 1 hour before, in the app always and pushed where they
 * have a send left: scheduled outbox notices, sent by the timer when due. Times already past are
 * not scheduled; a move or a cancellation settles the old ones.
 */
const scheduleReminders = async (tx: Tx, b: BookingDoc, now: Date): Promise<string[]> => {
  const ids: string[] = [];
  for (const [n, at] of reminderTimes(new Date(b.start)).entries()) {
    if (at <= now) continue;
    const notice = {
      propertyId: b.propertyId,
      kind: 'booking.reminder' as const,
      channel: 'inbox' as const,
      recipient: b.residentOpenid,
      subject: { kind: 'booking', id: b._id },
      title: messages.notices['booking.reminder'],
      body: format(reminderBody[b.kind], { when: when(b.start), topic: b.topic }),
      urgent: false,
    };
    ids.push(await scheduleNotice(tx, `remind:${b._id}:${b.start}:${n}`, notice, at, now));
  }
  return ids;
};

/** A technician as a window needs him: whose time, how to tell him, and what he can do. */
const asTechnician = (m: MemberDoc) => ({ memberId: m._id, openid: m.openid, name: m.name, skills: m.skills });

const offeredOn = (kind: BookingKind, date: string, settings: SettingsDoc): Slot[] => {
  switch (kind) {
    case 'desk':
      return deskSlots(date, settings.openingHours);
    case 'home':
      return homeSlots(date, settings.openingHours);
    case 'repair':
      return repairWindowsOf(date, settings.repairWindows);
  }
};

type Placing = { refused: ErrorCode } | { places: Place[] };

/** What the call's first reads found of a booking's day (issue 16): the slot documents there, and for a repair window the technicians. */
interface DayKnown {
  taken: SlotDoc[];
  technicians: MemberDoc[];
}

/**
 * Issue 16: read beside the membership, from the input alone: the slot a desk or home booking at
 * `start` takes, or a repair window's day (its slots and the technicians). Reads only.
 */
const dayKnown = async (deps: Deps, propertyId: string, kind: BookingKind, start: Date): Promise<DayKnown> => {
  if (kind !== 'repair') {
    const slot = await findSlot(deps.db, slotIdOf(propertyId, kind, start.toISOString(), null));
    return { taken: slot ? [slot] : [], technicians: [] };
  }
  const [taken, technicians] = await Promise.all([slotsOn(deps.db, propertyId, 'repair', shanghaiDate(start)), activeMembers(deps.db, propertyId, 'technician')]);
  return { taken, technicians };
};

/**
 * V4: where a booking of this kind starting at `start` can go, best first. A repair window goes with
 * the order's technician once it has one; before that with the technician with the skill who keeps
 * the fewest windows that day, among those still free then. Nothing is written: a slot whose
 * document the first reads did not find is `absent`, and the booking's transaction adds it (issue 16).
 */
const placesFor = (
  ctx: ActionContext,
  settings: SettingsDoc,
  kind: BookingKind,
  start: Date,
  repair: RepairDoc | null,
  known: DayKnown,
  keep: string | null = null,
): Placing => {
  const { member, now } = ctx;
  const propertyId = member.propertyId;
  const date = shanghaiDate(start);
  const refused = (repair ? windowRefusal(repair) : null) ?? checkStart(start, offeredOn(kind, date, settings), now);
  if (refused) return { refused };
  const at = start.toISOString();
  const there = new Set(known.taken.map((s) => s._id));
  const place = (owner: string | null, capacity: number, technician: Place['technician']): Place => {
    const slotId = slotIdOf(propertyId, kind, at, owner);
    return there.has(slotId) ? { slotId, technician } : { slotId, technician, absent: { propertyId, kind, start: at, owner, capacity } };
  };
  if (kind !== 'repair' || !repair) return { places: [place(null, kind === 'desk' ? DESK_SLOT_CAPACITY : HOME_VISIT_CAPACITY, null)] };
  const { taken, technicians } = known;
  const load = new Map<string, number>();
  for (const s of taken) if (s.owner) load.set(s.owner, (load.get(s.owner) ?? 0) + s.bookingIds.length);
  const free = freeInWindow(windowTechnicians(repair, technicians.map(asTechnician)), taken, at, keep);
  const ranked = rankForWindow(free, load);
  if (!ranked.length) return { refused: 'BOOKING.FULL' };
  return { places: ranked.map((t) => place(t.memberId, WINDOW_CAPACITY, { memberId: t.memberId, openid: t.openid, name: t.name })) };
};

/**
 * The places for each run of a booking's transaction: on its first, as the first reads found them
 * (an absent slot is added in it); a rerun (a conflict, or a slot another booking made meanwhile)
 * makes the absent slots outside it first, as before issue 16, and reads them all in it.
 */
const placesEachRun = (ctx: ActionContext, places: readonly Place[]) => {
  let runs = 0;
  return async (): Promise<Place[]> => {
    runs += 1;
    if (runs === 1 || !places.some((p) => p.absent)) return [...places];
    await Promise.all(places.flatMap((p) => (p.absent ? [ensureSlot(ctx.deps.db, p.absent)] : [])));
    return places.map((p) => ({ slotId: p.slotId, technician: p.technician }));
  };
};

const dayOf = (offered: readonly Slot[], now: Date, placesLeft: (start: string) => number) =>
  offered.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString(), free: s.start <= now ? 0 : Math.max(0, placesLeft(s.start.toISOString())) }));

/**
 * V4: a day's desk slots or home visits, and how many places each has left (none once it has begun);
 * with `upTo`, the first of the days up to it with a place still open (issue 18, 2), read in one query.
 */
export const slots: Handler<Actions['slots']> = async (input, { deps, now }) => {
  const capacity = input.kind === 'desk' ? DESK_SLOT_CAPACITY : HOME_VISIT_CAPACITY;
  const dates = input.upTo ? datesFrom(input.date, input.upTo).slice(0, LOOKAHEAD_DAYS) : [];
  // Issue 16: the settings (when this instance has not read them in the last 30 s) and the slots taken go together.
  const [settings, booked] = await Promise.all([loadSettings(deps, input.propertyId), slotsOn(deps.db, input.propertyId, input.kind, input.date, Math.max(1, dates.length))]);
  const taken = new Map(booked.map((s) => [s.start, s]));
  const placesLeft = (start: string) => (taken.get(start)?.capacity ?? capacity) - (taken.get(start)?.bookingIds.length ?? 0);
  const dayOn = (date: string) => ({ date, slots: dayOf(offeredOn(input.kind, date, settings), now, placesLeft) });
  const days = dates.map(dayOn);
  const open = firstOpenDay(days.map((day) => ({ day, slots: day.slots.map((s) => ({ start: new Date(s.start), free: s.free })) })), now);
  return ok(open?.day ?? days[0] ?? dayOn(input.date));
};

/** A repair the caller may book a window for: the resident's own, or any of the property's for the desk side. */
const repairFor = async (ctx: ActionContext, id: string): Promise<RepairDoc | null> => {
  const r = await findRepair(ctx.deps.db, id);
  if (!r || r.propertyId !== ctx.member.propertyId) return null;
  return staff(ctx.member) || r.residentOpenid === ctx.member.openid ? r : null;
};

/** V4: a day's windows for one repair: how many of the technicians who could come are free in each. */
export const windows: Handler<Actions['windows']> = async (input, ctx) => {
  // The property's reads need nothing from the repair: all four go together, and nothing is shown unless the repair is the caller's.
  const [repair, settings, members, taken] = await Promise.all([
    repairFor(ctx, input.repairId),
    loadSettings(ctx.deps, input.propertyId),
    activeMembers(ctx.deps.db, input.propertyId, 'technician'),
    slotsOn(ctx.deps.db, input.propertyId, 'repair', input.date),
  ]);
  if (!repair) return failure('REPAIR.NOT_FOUND');
  const technicians = windowTechnicians(repair, members.map(asTechnician));
  const placesLeft = (start: string) => (windowRefusal(repair) ? 0 : freeInWindow(technicians, taken, start).length);
  return ok({ date: input.date, slots: dayOf(repairWindowsOf(input.date, settings.repairWindows), ctx.now, placesLeft) });
};

const newBooking = (ctx: ActionContext, kind: BookingKind, start: Date, end: Date, room: { _id: string; address: string }, topic: string): BookingDoc => {
  const at = ctx.now.toISOString();
  return bookingModel.toStored({
    _id: derivedId('bk', ctx.commandKey),
    propertyId: ctx.member.propertyId,
    kind,
    status: 'booked',
    version: 1,
    residentOpenid: ctx.member.openid,
    residentName: ctx.member.name,
    phone: ctx.member.phone,
    roomId: room._id,
    address: room.address,
    topic,
    start: start.toISOString(),
    end: end.toISOString(),
    reason: null,
    repair: null,
    callbackId: null,
    createdAt: at,
    updatedAt: at,
  });
};

const endOf = (kind: BookingKind, start: Date, settings: SettingsDoc): Date =>
  offeredOn(kind, shanghaiDate(start), settings).find((s) => s.start.getTime() === start.getTime())!.end;

const ownRoom = (ctx: ActionContext, roomId: string, room: RoomDoc | null) => {
  if (!ctx.member.roomIds.includes(roomId) || !room || room.propertyId !== ctx.member.propertyId) return null;
  return { _id: room._id, address: roomLabel(room) };
};

/** Issue 16: a desk or home booking's first reads, from its input alone: the room, the settings and the slot. */
const bookingReads = (kind: 'desk' | 'home') => (input: { propertyId: string; roomId: string; start: string }, deps: Deps) =>
  Promise.all([findRoomAsStored(deps.db, input.roomId), loadSettings(deps, input.propertyId), dayKnown(deps, input.propertyId, kind, new Date(input.start))]);

const bookingSubject = (b: BookingDoc) => ({ kind: 'booking', id: b._id, propertyId: b.propertyId });

/** Written with the booking: its place, reminders and birth event. */
const writeBooking = async (tx: Tx, ctx: ActionContext, b: BookingDoc, commandId: string): Promise<BookingDoc> => {
  const stored = bookingModel.toStored({ ...b, reminders: await scheduleReminders(tx, b, ctx.now) });
  await saveBookingInTx(tx, stored);
  const event = birth(bookingMachine, 'book', { actor: ctx.member.openid, role: ctx.member.role, now: ctx.now });
  await appendEvent(tx, bookingSubject(b), event, commandId);
  return stored;
};

/** V4: a desk appointment: the place is taken and the booking written in one transaction, once per command. */
export const book: Handler<Actions['book']> = /* @__PURE__ */ withPrefetch<Actions['book'], Awaited<ReturnType<ReturnType<typeof bookingReads>>>>(bookingReads('desk'), async (input, ctx, [found, settings, known]) => {
  const room = ownRoom(ctx, input.roomId, found);
  if (!room) return failure('BOOKING.ROOM_NOT_YOURS');
  const start = new Date(input.start);
  const placing = placesFor(ctx, settings, 'desk', start, null, known);
  if ('refused' in placing) return failure(placing.refused);
  const booking = newBooking(ctx, 'desk', start, endOf('desk', start, settings), room, input.topic);
  const places = placesEachRun(ctx, placing.places);
  const { result } = await alongsideDailyLimit(ctx.deps.db, dailyQuota('bookings', ctx.member.openid, settings, ctx), (place) =>
    applyOnce(ctx, 'visits.book', async (tx) => {
      const where = await places();
      place.take();
      await takeFirstFree(tx, where, booking._id);
      const stored = await writeBooking(tx, ctx, booking, input.commandId);
      await place.held();
      return toView(stored, ctx.member);
    }),
  );
  return ok(result);
});

/** B1 B2: the desk's callback task for a booked home visit, due when the visit ends; its id is the booking's. */
const planHomeCallback = async (tx: Tx, b: BookingDoc, settings: SettingsDoc, ctx: ActionContext, commandId: string) => {
  const { now } = ctx;
  const doc = callbackModel.toStored({
    _id: derivedId('cb', 'booking', b._id),
    propertyId: b.propertyId,
    kind: 'visit',
    reason: 'routine',
    subject: { kind: 'booking', id: b._id },
    status: 'open',
    version: 1,
    residentOpenid: b.residentOpenid,
    residentName: b.residentName,
    phone: b.phone,
    address: b.address,
    dueAt: b.end,
    assignee: 'desk',
    outcome: null,
    createdAt: now.toISOString(),
  });
  await planCallback(tx, doc, { actor: ctx.member.openid, role: ctx.member.role, now }, commandId);
  await openDeadline(tx, { kind: 'callback', id: doc._id, propertyId: doc.propertyId }, callbackDeadline(now, new Date(doc.dueAt), 'desk', settings), now);
  return doc;
};

/**
 * V4 B2: a home callback visit: an hour of the desk's time within its hours, one visit at a time;
 * the desk's callback queue gets the task (recorded with the resident's signature), due when it ends.
 */
export const bookHome: Handler<Actions['bookHome']> = /* @__PURE__ */ withPrefetch<Actions['bookHome'], Awaited<ReturnType<ReturnType<typeof bookingReads>>>>(bookingReads('home'), async (input, ctx, [found, settings, known]) => {
  const room = ownRoom(ctx, input.roomId, found);
  if (!room) return failure('BOOKING.ROOM_NOT_YOURS');
  const start = new Date(input.start);
  const placing = placesFor(ctx, settings, 'home', start, null, known);
  if ('refused' in placing) return failure(placing.refused);
  const draft = newBooking(ctx, 'home', start, endOf('home', start, settings), room, input.topic || messages.bookingTexts.homeTopic);
  const booking = { ...draft, callbackId: derivedId('cb', 'booking', draft._id) };
  const queued: OutboxDoc[] = [];
  const places = placesEachRun(ctx, placing.places);
  const { result, fresh } = await alongsideDailyLimit(ctx.deps.db, dailyQuota('bookings', ctx.member.openid, settings, ctx), (place) =>
    applyOnce(ctx, 'visits.bookHome', async (tx) => {
      queued.length = 0;
      const where = await places();
      place.take();
      await takeFirstFree(tx, where, booking._id);
      const stored = await writeBooking(tx, ctx, booking, input.commandId);
      const task = await planHomeCallback(tx, stored, settings, ctx, input.commandId);
      queued.push(
        await enqueueNotice(
          tx,
          task._id,
          {
            propertyId: task.propertyId,
            kind: 'callback.due',
            channel: 'inbox',
            recipient: audienceOfRole('desk'),
            subject: { kind: 'callback', id: task._id },
            title: messages.notices['callback.due'],
            body: format(messages.bookingTexts.homeDue, { address: stored.address, when: span(stored) }),
            urgent: false,
          },
          ctx.now,
        ),
      );
      await place.held();
      return toView(stored, ctx.member);
    }),
  );
  if (fresh) await sendNow(ctx.deps, queued, settings);
  return ok(result);
});

/** The technician hears when a resident books or moves the window of an order he holds. */
const tellTechnician = (tx: Tx, b: BookingDoc, r: RepairDoc, now: Date) =>
  enqueueNotice(
    tx,
    `${b._id}@${b.version}`,
    {
      propertyId: b.propertyId,
      kind: 'booking.window',
      channel: 'inbox',
      recipient: r.technician!.openid,
      subject: { kind: 'repair', id: r._id },
      title: messages.notices['booking.window'],
      body: format(messages.bookingTexts.window, { address: b.address, when: span(b), topic: b.topic }),
      urgent: false,
    },
    now,
  );

/**
 * V4: the repair's appointment is its window: written on the order in the booking's own transaction,
 * as a new version of the order, so a step decided on the order as it was before is refused.
 */
const setAppointment = async (tx: Tx, b: BookingDoc | null, repairId: string, now: Date, read?: RepairDoc): Promise<RepairDoc> => {
  // A transaction that has read the order already passes it: read once, not twice (issue 16).
  const r = read ?? (await readRepairInTx(tx, repairId));
  const refused = windowRefusal(r);
  if (refused) throw new ActionFailure(refused);
  const appointment = b && b.status === 'booked' ? { bookingId: b._id, start: b.start, end: b.end } : null;
  const next = repairModel.toStored({ ...r, appointment, version: r.version + 1, updatedAt: now.toISOString() });
  await saveRepairInTx(tx, next);
  return next;
};

/**
 * V4: a resident books the window a technician comes in, for one of their repairs; the order's
 * appointment time is that window from then on, and the technician it is with sees it in his plan.
 */
export const bookWindow: Handler<Actions['bookWindow']> = /* @__PURE__ */ withPrefetch<Actions['bookWindow'], [RepairDoc | null, SettingsDoc, DayKnown]>(
  // Issue 16: the repair, the settings and the window's day need only the input: read beside the membership.
  (input, deps) => Promise.all([findRepair(deps.db, input.repairId), loadSettings(deps, input.propertyId), dayKnown(deps, input.propertyId, 'repair', new Date(input.start))]),
  async (input, ctx, [repair, settings, known]) => {
  if (!repair || repair.propertyId !== ctx.member.propertyId || repair.residentOpenid !== ctx.member.openid) return failure('REPAIR.NOT_FOUND');
  if (repair.appointment) return failure('BOOKING.REPAIR_HAS_WINDOW');
  if (repair.roomId === null || repair.address === null) return failure('BOOKING.PUBLIC_PLACE');
  const start = new Date(input.start);
  const placing = placesFor(ctx, settings, 'repair', start, repair, known);
  if ('refused' in placing) return failure(placing.refused);
  const topic = `${messages.categories[repair.category]}：${textForOthers(repair.description, repair.screening.text)}`.slice(0, 200);
  const booking = newBooking(ctx, 'repair', start, endOf('repair', start, settings), { _id: repair.roomId, address: roomLabel(repair.address) }, topic);
  const queued: OutboxDoc[] = [];
  const places = placesEachRun(ctx, placing.places);
  const { result, fresh } = await alongsideDailyLimit(ctx.deps.db, dailyQuota('bookings', ctx.member.openid, settings, ctx), (place) =>
    applyOnce(ctx, 'visits.bookWindow', async (tx) => {
      queued.length = 0;
      place.take();
      const current = await readRepairInTx(tx, repair._id);
      if (current.appointment && current.appointment.bookingId !== booking._id) throw new ActionFailure('BOOKING.REPAIR_HAS_WINDOW');
      const taken = await takeFirstFree(tx, await places(), booking._id);
      const stored = await writeBooking(tx, ctx, { ...booking, repair: { id: repair._id, technician: taken.technician! } }, input.commandId);
      const r = await setAppointment(tx, stored, repair._id, ctx.now, current);
      if (r.technician) queued.push(await tellTechnician(tx, stored, r, ctx.now));
      await place.held();
      return toView(stored, ctx.member);
    }),
  );
  if (fresh) await sendNow(ctx.deps, queued, settings);
  return ok(result);
  },
);

/** Whose booking it is to change: the resident's own, or any for the desk side. */
const ownBooking = (ctx: ActionContext, b: BookingDoc | null): BookingDoc | null => {
  if (!b || b.propertyId !== ctx.member.propertyId) return null;
  return staff(ctx.member) || b.residentOpenid === ctx.member.openid ? b : null;
};

interface CancelledBy {
  actor: string;
  role: MemberDoc['role'];
  now: Date;
  reason: string;
  commandId: string;
}

/**
 * B2: the home visit's callback task follows its booking: due at the new end, or cancelled with it
 * through the callback machine (V4). Issue 16: a cancelled task's clock is cancelled by the timer when it reaches it
 * (deadline.rules `callbackSays`: dropped), so the cancellation writes none.
 */
const moveHomeCallback = async (tx: Tx, b: BookingDoc, settings: SettingsDoc, by: CancelledBy) => {
  const { now } = by;
  if (!b.callbackId) return;
  const task = await readCallbackInTx(tx, b.callbackId);
  if (task.status === 'done') throw new ActionFailure('BOOKING.VISIT_DONE');
  if (b.status === 'cancelled') {
    const gone = transition(callbackMachine, task, { action: 'cancel', actor: by.actor, role: by.role, now, reason: by.reason });
    if (!gone.ok) throw new ActionFailure(gone.code);
    await writeCallbackInTx(tx, callbackModel.toStored({ ...task, status: gone.status, version: gone.version }), gone.event, by.commandId);
    return;
  }
  await saveCallbackInTx(tx, callbackModel.toStored({ ...task, dueAt: b.end }));
  await openDeadline(tx, { kind: 'callback', id: task._id, propertyId: task.propertyId }, callbackDeadline(now, new Date(b.end), 'desk', settings), now);
};

interface ChangeReads {
  booking: BookingDoc | null;
  settings: SettingsDoc;
  repair: RepairDoc | null;
  /** Where a reschedule goes: what is there of its new time's day. */
  day: DayKnown | null;
}

/**
 * Issue 16: a change's first reads, from its input alone: the booking and the settings, then the
 * booking's repair and the day it moves to. What they found is checked against the caller below.
 */
const changeReads = (to: (input: { start?: string }) => Date | null) => async (input: { bookingId: string; propertyId: string; start?: string }, deps: Deps): Promise<ChangeReads> => {
  const [booking, settings] = await Promise.all([findBooking(deps.db, input.bookingId), loadSettings(deps, input.propertyId)]);
  const at = to(input);
  const [repair, day] = await Promise.all([
    booking?.repair ? findRepair(deps.db, booking.repair.id) : null,
    booking && at && booking.propertyId === input.propertyId ? dayKnown(deps, booking.propertyId, booking.kind, at) : null,
  ]);
  return { booking, settings, repair, day };
};

const change = async (
  ctx: ActionContext,
  input: { bookingId: string; version: number; reason: string; commandId: string },
  action: 'reschedule' | 'cancel',
  to: Date | null,
  reads: ChangeReads,
) => {
  const { deps, member, now } = ctx;
  const { settings, repair } = reads;
  const existing = ownBooking(ctx, reads.booking);
  if (!existing) return failure('BOOKING.NOT_FOUND');
  if (existing.status === 'cancelled') return failure('BOOKING.CANCELLED');
  if (existing.version !== input.version) return failure('COMMON.VERSION_CONFLICT');
  if (repair) {
    const refused = windowRefusal(repair);
    if (refused) return failure(refused);
  }
  let places = async (): Promise<Place[]> => [];
  if (to) {
    const placing = placesFor(ctx, settings, existing.kind, to, repair, reads.day ?? { taken: [], technicians: [] }, existing._id);
    if ('refused' in placing) return failure(placing.refused);
    places = placesEachRun(ctx, placing.places);
  }
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, `visits.${action}`, async (tx) => {
    queued.length = 0;
    // The place a move gives back is read outside the transaction beside its first operation (givePlaceBack): the
    // booking as the first reads found it names the same slot whenever the version check below passes.
    const heldSlot = slotIdOf(existing.propertyId, existing.kind, existing.start, existing.repair?.technician.memberId ?? null);
    const [b, held] = await Promise.all([readBookingInTx(tx, existing._id), to ? findSlot(deps.db, heldSlot) : null]);
    if (b.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const step = transition(bookingMachine, b, { action, actor: member.openid, role: member.role, now, reason: input.reason });
    if (!step.ok) throw new ActionFailure(step.code === 'STATE.TRANSITION_NOT_ALLOWED' ? 'BOOKING.CANCELLED' : step.code);
    const oldSlot = slotIdOf(b.propertyId, b.kind, b.start, b.repair?.technician.memberId ?? null);
    const place = to ? await takeFirstFree(tx, await places(), b._id) : null;
    // Cancelled, it never takes a place again: its place is given back after the commit (issue 16, `givePlaceBackAfter`).
    if (!to) await givePlaceBackAfter(tx, oldSlot, b._id, step.version);
    else if (place?.slotId !== oldSlot) await givePlaceBack(tx, oldSlot, b._id, oldSlot === heldSlot ? held : undefined);
    // Issue 16: the old reminders are not withdrawn here: the booking lists only the new ones (none once cancelled),
    // and the timer asks it before it sends one (`reminderWanted`).
    const moved = bookingModel.toStored({
      ...b,
      status: step.status,
      version: step.version,
      reason: input.reason,
      updatedAt: now.toISOString(),
      reminders: [],
      ...(to ? { start: to.toISOString(), end: endOf(b.kind, to, settings).toISOString(), repair: b.repair && place?.technician ? { ...b.repair, technician: place.technician } : b.repair } : {}),
    });
    const next = to ? bookingModel.toStored({ ...moved, reminders: await scheduleReminders(tx, moved, now) }) : moved;
    await saveBookingInTx(tx, next);
    if (next.repair) {
      const r = await setAppointment(tx, next, next.repair.id, now);
      if (r.technician) queued.push(await tellTechnician(tx, next, r, now));
    }
    if (next.kind === 'home') await moveHomeCallback(tx, next, settings, { actor: member.openid, role: member.role, now, reason: input.reason, commandId: input.commandId });
    await appendEvent(tx, bookingSubject(b), step.event, input.commandId);
    return toView(next, member);
  });
  if (fresh) await sendNow(deps, queued, settings);
  return ok(result);
};

export const reschedule: Handler<Actions['reschedule']> = /* @__PURE__ */ withPrefetch<Actions['reschedule'], ChangeReads>(
  changeReads((input) => new Date(input.start!)),
  (input, ctx, reads) => change(ctx, input, 'reschedule', new Date(input.start), reads),
);
export const cancel: Handler<Actions['cancel']> = /* @__PURE__ */ withPrefetch<Actions['cancel'], ChangeReads>(
  changeReads(() => null),
  (input, ctx, reads) => change(ctx, input, 'cancel', null, reads),
);

const bookings = bookingsByStart;

export const mine: Handler<Actions['mine']> = async (input, { deps, member }) => {
  const page = await readPage(deps.db, { name: 'visits.mine', sources: [bookings({ propertyId: input.propertyId, residentOpenid: member.openid }, 'desc')] }, input);
  return ok(mapPage(page, (b) => toView(b, member)));
};

/** V4: every booking of a Shanghai day, of every kind, in time order. */
export const day: Handler<Actions['day']> = async (input, { deps, member }) => {
  const _ = deps.db.command;
  const from = atShanghai(input.date);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const page = await readPage(deps.db, { name: 'visits.day', sources: [bookings({ propertyId: input.propertyId, start: _.gte(from.toISOString()).and(_.lt(to.toISOString())) }, 'asc')] }, input);
  return ok({ date: input.date, ...mapPage(page, (b) => toView(b, member)) });
};
