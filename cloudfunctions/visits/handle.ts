import type { BookingView, visitsActions } from '@shared/contracts/visits.contract';
import { checkSlot, DESK_SLOT_CAPACITY, deskSlots, reminderTimes, SLOT_MINUTES } from '@shared/domain/booking.rules';
import { maskPhone } from '@shared/domain/phone';
import { birth } from '@shared/domain/state-machine';
import { failure, format, messages, type ErrorCode } from '@shared/messages';
import { ok } from '@shared/result';
import { bookingModel, slotModel, type BookingDoc } from '@shared/model/booking.model';
import type { MemberDoc } from '@shared/model/member.model';
import { roomLabel, roomModel } from '@shared/model/property.model';
import { atShanghai, inShanghai, shanghaiDate } from '@shared/time/shanghai';
import type { Database, Tx } from '../_shared/database';
import { defineFunction, type ActionContext, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { derivedId } from '../_shared/ids';
import { findById, parseAll, readAll, withoutId, addOnce } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';
import { scheduleNotice, unschedule } from '../_shared/outbox';
import * as reception from './reception';

/**
 * V4: the resident is reminded 24 hours and 1 hour before, in the app always and pushed where they
 * have a send left: scheduled outbox notices, sent by the timer when due. Times already past are
 * not scheduled; a move or a cancellation settles the old ones.
 */
const scheduleReminders = async (tx: Tx, b: BookingDoc, now: Date): Promise<string[]> => {
  const ids: string[] = [];
  for (const [n, at] of reminderTimes(new Date(b.start)).entries()) {
    if (at <= now) continue;
    ids.push(
      await scheduleNotice(
        tx,
        `remind:${b._id}:${b.start}:${n}`,
        {
          propertyId: b.propertyId,
          kind: 'booking.reminder',
          channel: 'inbox',
          recipient: b.residentOpenid,
          subject: { kind: 'booking', id: b._id },
          title: messages.notices['booking.reminder'],
          body: format(messages.bookingTexts.reminder, { when: inShanghai(b.start).format('MM-DD HH:mm'), topic: b.topic }),
          urgent: false,
        },
        at,
        now,
      ),
    );
  }
  return ids;
};

const staff = (m: MemberDoc) => m.role !== 'resident';

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
});

const slotIdOf = (propertyId: string, start: string) => derivedId('sl', propertyId, 'desk', start);

/** The slot's document exists before a transaction reads it (a transaction cannot read a missing id). */
const ensureSlot = async (db: Database, propertyId: string, start: string): Promise<string> => {
  const id = slotIdOf(propertyId, start);
  if (await findById(db, slotModel, id)) return id;
  await addOnce(db, 'slots', slotModel.toStored({ _id: id, propertyId, kind: 'desk', start, capacity: DESK_SLOT_CAPACITY, bookingIds: [] }));
  return id;
};

/** Takes a place in a slot inside the booking's transaction; a full slot refuses (V4: the last place goes once). */
const takePlace = async (tx: Tx, slotId: string, bookingId: string) => {
  const slot = slotModel.parse((await tx.collection('slots').doc(slotId).get()).data);
  if (slot.bookingIds.includes(bookingId)) return;
  if (slot.bookingIds.length >= slot.capacity) throw new ActionFailure('BOOKING.FULL');
  await tx.collection('slots').doc(slotId).update({ data: { bookingIds: [...slot.bookingIds, bookingId] } });
};

const givePlaceBack = async (tx: Tx, slotId: string, bookingId: string) => {
  const slot = slotModel.parse((await tx.collection('slots').doc(slotId).get()).data);
  await tx.collection('slots').doc(slotId).update({ data: { bookingIds: slot.bookingIds.filter((id) => id !== bookingId) } });
};

/** A start the caller may book: a slot of its Shanghai day within the desk's hours, not yet begun. */
const slotRefusal = async (ctx: ActionContext, start: Date): Promise<ErrorCode | null> => {
  const settings = await loadSettings(ctx.deps.db, ctx.member.propertyId);
  return checkSlot(start, shanghaiDate(start), settings.openingHours, ctx.now);
};

const slots: Handler<(typeof visitsActions)['slots']> = async (input, { deps }) => {
  const settings = await loadSettings(deps.db, input.propertyId);
  const day = deskSlots(input.date, settings.openingHours);
  const _ = deps.db.command;
  const taken = day.length
    ? parseAll(
        slotModel,
        (
          await deps.db
            .collection('slots')
            .where({ propertyId: input.propertyId, kind: 'desk', start: _.gte(day[0]!.start.toISOString()).and(_.lte(day[day.length - 1]!.start.toISOString())) })
            .limit(100)
            .get()
        ).data,
      )
    : [];
  const byStart = new Map(taken.map((s) => [s.start, s]));
  return ok({
    date: input.date,
    slots: day.map((s) => {
      const slot = byStart.get(s.start.toISOString());
      return { start: s.start.toISOString(), end: s.end.toISOString(), free: (slot?.capacity ?? DESK_SLOT_CAPACITY) - (slot?.bookingIds.length ?? 0) };
    }),
  });
};

/** V4: the place is taken and the booking written in one transaction, once per command. */
const book: Handler<(typeof visitsActions)['book']> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const start = new Date(input.start);
  const refused = await slotRefusal(ctx, start);
  if (refused) return failure(refused);
  if (!member.roomIds.includes(input.roomId)) return failure('BOOKING.ROOM_NOT_YOURS');
  const room = await findById(deps.db, roomModel, input.roomId);
  if (!room) return failure('BOOKING.ROOM_NOT_YOURS');
  const slotId = await ensureSlot(deps.db, member.propertyId, start.toISOString());
  const at = now.toISOString();
  const booking = bookingModel.toStored({
    _id: derivedId('bk', ctx.commandKey),
    propertyId: member.propertyId,
    kind: 'desk',
    status: 'booked',
    version: 1,
    residentOpenid: member.openid,
    residentName: member.name,
    phone: member.phone,
    roomId: room._id,
    address: roomLabel(room),
    topic: input.topic,
    start: start.toISOString(),
    end: new Date(start.getTime() + SLOT_MINUTES * 60_000).toISOString(),
    reason: null,
    createdAt: at,
    updatedAt: at,
  });
  const { result } = await applyOnce(ctx, 'visits.book', async (tx) => {
    await takePlace(tx, slotId, booking._id);
    const reminders = await scheduleReminders(tx, booking, now);
    await tx.collection('bookings').doc(booking._id).set({ data: withoutId(bookingModel.toStored({ ...booking, reminders })) });
    await appendEvent(tx, { kind: 'booking', id: booking._id, propertyId: booking.propertyId }, birth({ name: 'booking' }, 'book', 'booked', { actor: member.openid, role: member.role, now }), input.commandId);
    return toView(booking, member);
  });
  return ok(result);
};

/** Whose booking it is to change: the resident's own, or any for the desk side. */
const ownBooking = async (ctx: ActionContext, id: string): Promise<BookingDoc | null> => {
  const b = await findById(ctx.deps.db, bookingModel, id);
  if (!b || b.propertyId !== ctx.member.propertyId) return null;
  return staff(ctx.member) || b.residentOpenid === ctx.member.openid ? b : null;
};

const change = async (
  ctx: ActionContext,
  input: { bookingId: string; version: number; reason: string; commandId: string },
  action: 'reschedule' | 'cancel',
  to: Date | null,
) => {
  const { deps, member, now } = ctx;
  const existing = await ownBooking(ctx, input.bookingId);
  if (!existing) return failure('BOOKING.NOT_FOUND');
  if (existing.status === 'cancelled') return failure('BOOKING.CANCELLED');
  if (to) {
    const refused = await slotRefusal(ctx, to);
    if (refused) return failure(refused);
  }
  const newSlot = to ? await ensureSlot(deps.db, existing.propertyId, to.toISOString()) : null;
  const { result } = await applyOnce(ctx, `visits.${action}`, async (tx) => {
    const b = bookingModel.parse((await tx.collection('bookings').doc(existing._id).get()).data);
    if (b.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const oldSlot = slotIdOf(b.propertyId, b.start);
    if (newSlot !== oldSlot) {
      if (newSlot) await takePlace(tx, newSlot, b._id);
      await givePlaceBack(tx, oldSlot, b._id);
    }
    await unschedule(tx, b.reminders ?? []);
    const moved = bookingModel.toStored({
      ...b,
      version: b.version + 1,
      reason: input.reason,
      updatedAt: now.toISOString(),
      reminders: [],
      ...(to ? { start: to.toISOString(), end: new Date(to.getTime() + SLOT_MINUTES * 60_000).toISOString() } : { status: 'cancelled' as const }),
    });
    const next = to ? bookingModel.toStored({ ...moved, reminders: await scheduleReminders(tx, moved, now) }) : moved;
    await tx.collection('bookings').doc(b._id).set({ data: withoutId(next) });
    const event = { ...birth({ name: 'booking' }, action, next.status, { actor: member.openid, role: member.role, now, reason: input.reason }), from: b.status, expectedVersion: b.version, version: next.version };
    await appendEvent(tx, { kind: 'booking', id: b._id, propertyId: b.propertyId }, event, input.commandId);
    return toView(next, member);
  });
  return ok(result);
};

const reschedule: Handler<(typeof visitsActions)['reschedule']> = (input, ctx) => change(ctx, input, 'reschedule', new Date(input.start));
const cancel: Handler<(typeof visitsActions)['cancel']> = (input, ctx) => change(ctx, input, 'cancel', null);

const mine: Handler<(typeof visitsActions)['mine']> = async (input, { deps, member }) => {
  const res = await deps.db.collection('bookings').where({ propertyId: input.propertyId, residentOpenid: member.openid }).orderBy('start', 'desc').limit(50).get();
  return ok({ items: parseAll(bookingModel, res.data).map((b) => toView(b, member)) });
};

/** V4: every booking of a Shanghai day, in time order. */
const day: Handler<(typeof visitsActions)['day']> = async (input, { deps, member }) => {
  const _ = deps.db.command;
  const from = atShanghai(input.date);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const items = await readAll(bookingModel, deps.db.collection('bookings').where({ propertyId: input.propertyId, start: _.gte(from.toISOString()).and(_.lt(to.toISOString())) }).orderBy('start', 'asc'));
  return ok({ date: input.date, items: items.map((b) => toView(b, member)) });
};

/** Issue 6: residents book the desk, nobody double-booked (V4); the desk's reception log (V1 V2) and group visits (V3). */
export const handle = defineFunction<typeof visitsActions>('visits', { slots, book, reschedule, cancel, mine, day, ...reception });
