import { bookingModel, slotModel, type BookingDoc, type BookingKind, type SlotDoc } from '@shared/model/booking.model';
import type { Database, Tx } from './database';
import { transition, type TransitionRequest } from '@shared/domain/state-machine';
import { bookingMachine, type BookingAction } from '@shared/domain/booking.machine';
import { appendEvent } from './events';
import { journalOf } from './commands';
import type { JournalEntry } from '@shared/model/command.model';
import { ActionFailure } from './failures';
import { derivedId } from './ids';
import { addInTx, addOnce, findById, parseAll, withoutId, readInTx } from './repo';
import type { Source } from './paging';
import { atShanghai } from '@shared/time/shanghai';
import { wantsReminder } from '@shared/domain/booking.rules';

/** A technician whose time a repair window holds. */
export interface WindowTechnician {
  memberId: string;
  openid: string;
  name: string;
}

/** A slot as it is made: where, when, whose, and how many bookings it holds. */
export interface SlotSpec {
  propertyId: string;
  kind: BookingKind;
  start: string;
  owner: string | null;
  capacity: number;
}

/** Somewhere a booking can go: one slot document, and for a repair window the technician it belongs to. */
export interface Place {
  slotId: string;
  technician: WindowTechnician | null;
  /**
   * Issue 16: the slot's document was not there when the call's first reads looked: the booking's
   * transaction adds it, the booking in it, as one of its operations (a slot is one document).
   */
  absent?: SlotSpec;
}



/** The desk's slots keep the id they have had since the first release; windows and home visits add their owner. */
export const slotIdOf = (propertyId: string, kind: BookingKind, start: string, owner: string | null): string =>
  kind === 'desk' ? derivedId('sl', propertyId, 'desk', start) : derivedId('sl', propertyId, kind, owner ?? '-', start);

/**
 * The slot's document exists before a transaction reads it (a transaction cannot read a missing id).
 * `exists`: what a read made with the call's first reads found (issue 16), so no read of its own.
 */
export const ensureSlot = async (db: Database, slot: SlotSpec): Promise<string> => {
  const id = slotIdOf(slot.propertyId, slot.kind, slot.start, slot.owner);
  if (await findById(db, slotModel, id)) return id;
  await addOnce(db, 'slots', slotModel.toStored({ _id: id, ...slot, bookingIds: [] }));
  return id;
};

/**
 * V4: takes the first place with room, in the booking's transaction; none left refuses. Every
 * booking of a slot reads and writes its document here, so the last place goes to exactly one.
 */
export const takeFirstFree = async (tx: Tx, places: readonly Place[], bookingId: string): Promise<Place> => {
  for (const place of places) {
    if (place.absent) {
      // Empty when the first reads looked: the first such place has room (made since by another booking, this run ends).
      await addInTx(tx, 'slots', slotModel.toStored({ _id: place.slotId, ...place.absent, bookingIds: [bookingId] }));
      return place;
    }
    const slot = await readInTx(tx, slotModel, place.slotId);
    if (slot.bookingIds.includes(bookingId)) return place;
    if (slot.bookingIds.length >= slot.capacity) continue;
    await tx.collection('slots').doc(place.slotId).update({ data: { bookingIds: [...slot.bookingIds, bookingId] } });
    return place;
  }
  throw new ActionFailure('BOOKING.FULL');
};

/** A slot's document by id (read beside the membership: a booking that finds it needs no write before its transaction). */
export const findSlot = (db: Database, id: string) => findById(db, slotModel, id);

/**
 * `read`: the slot as read outside the transaction once it had started (issue 16: beside its first
 * operation, not after it). Safe for the write that follows: a change after the snapshot, before or
 * after that read, makes this write a conflict, so the run ends and reads again.
 */
export const givePlaceBack = async (tx: Tx, slotId: string, bookingId: string, read?: SlotDoc | null): Promise<void> => {
  const slot = read ?? (await readInTx(tx, slotModel, slotId));
  await tx.collection('slots').doc(slotId).update({ data: { bookingIds: slot.bookingIds.filter((id) => id !== bookingId) } });
};

/**
 * Issue 16, V4: the place a cancelled booking held, given back after the cancellation's commit instead of as an
 * operation of its transaction. It travels in the command's record (`JournalTx.move`), and is pulled from the slot by
 * the call beside its journal's insert, before it answers, and again by the timer's journal step should the call have
 * died (`applyPlaceReleases`). A cancelled booking never takes a place again, so a late or repeated give-back frees
 * nothing but its own. Until it lands the slot counts the place taken (a booking of the slot meanwhile is told it is
 * full, for at most the timer's minute). Outside a command's transaction it is an operation, as `givePlaceBack`.
 */
export const givePlaceBackAfter = async (tx: Tx, slotId: string, bookingId: string, bookingVersion: number): Promise<void> => {
  const journal = journalOf(tx);
  if (!journal) return givePlaceBack(tx, slotId, bookingId);
  // The booking's version orders nothing here (a cancelled booking changes no more): it names the write in the record.
  journal.move('slots', { _id: slotId, bookingId }, { action: 'release', subjectVersion: bookingVersion });
  journal.beside(releaseBeside);
};

/** The places journals give back (`givePlaceBackAfter`): one update per slot, side by side; the call's and the timer's. */
export const applyPlaceReleases = async (db: Database, journal: readonly JournalEntry[]): Promise<void> => {
  const _ = db.command;
  const released = journal.filter((e) => e.collection === 'slots' && e.move?.action === 'release');
  await Promise.all(released.map((e) => db.collection('slots').where({ _id: e.doc._id }).update({ data: { bookingIds: _.pull(String(e.doc.bookingId)) } })));
};

const releaseBeside = (deps: { db: Database }, journal: readonly JournalEntry[]): Promise<void> =>
  applyPlaceReleases(deps.db, journal).catch((e: unknown) => console.warn('places not given back after the commit; the timer will', e));

/** Every slot document of one kind on a Shanghai date, or on `days` dates from it (a day holds a few dozen at most). */
export const slotsOn = async (db: Database, propertyId: string, kind: BookingKind, date: string, days = 1) => {
  const _ = db.command;
  const from = atShanghai(date);
  const to = new Date(from.getTime() + days * 24 * 3_600_000);
  const res = await db
    .collection('slots')
    .where({ propertyId, kind, start: _.gte(from.toISOString()).and(_.lt(to.toISOString())) })
    .limit(1000)
    .get();
  return parseAll(slotModel, res.data);
};

/**
 * V4 R4: an order dispatched to another technician takes its booked window with it, in the
 * dispatch's transaction; a technician already busy then is refused, so nobody is double-booked.
 * `slotId` is the new technician's slot at the window (made ready before the transaction).
 */
export const moveWindow = async (
  tx: Tx,
  bookingId: string,
  technician: WindowTechnician,
  slotId: string,
  by: Omit<TransitionRequest<BookingAction>, 'action'>,
  commandId: string,
): Promise<void> => {
  const b = await readBookingInTx(tx, bookingId);
  if (b.status !== 'booked' || !b.repair || b.repair.technician.memberId === technician.memberId) return;
  const step = transition(bookingMachine, b, { ...by, action: 'reassign' });
  if (!step.ok) throw new ActionFailure(step.code);
  try {
    await takeFirstFree(tx, [{ slotId, technician }], b._id);
  } catch (e) {
    if (e instanceof ActionFailure && e.code === 'BOOKING.FULL') throw new ActionFailure('BOOKING.TECHNICIAN_BUSY');
    throw e;
  }
  await givePlaceBack(tx, slotIdOf(b.propertyId, 'repair', b.start, b.repair.technician.memberId), b._id);
  const next = bookingModel.toStored({ ...b, status: step.status, version: step.version, repair: { ...b.repair, technician }, updatedAt: by.now.toISOString() });
  await saveBookingInTx(tx, next);
  await appendEvent(tx, { kind: 'booking', id: b._id, propertyId: b.propertyId }, step.event, commandId);
};

/*
 * Issue 15 (3): the bookings collection's one owner, beside the slots their places are taken in. Every
 * read, query and write of a booking under cloudfunctions/ is a function here, parsed through
 * `bookingModel`. It is in `_shared/` because a dispatch (repairs) moves a booked window here, and
 * `_shared/` imports no area.
 */

/** A booking by id, outside a transaction. */
export const findBooking = (db: Database, id: string): Promise<BookingDoc | null> => findById(db, bookingModel, id);

/** V4 (issue 16): whether a booking reminder the timer is about to send is still wanted by its booking (`wantsReminder`). */
export const reminderWanted = async (db: Database, notice: { _id: string; subject: { id: string } }): Promise<boolean> => {
  const b = await findBooking(db, notice.subject.id);
  return b !== null && wantsReminder(b, notice._id);
};

/** A booking read in a transaction. */
export const readBookingInTx = async (tx: Tx, id: string): Promise<BookingDoc> => readInTx(tx, bookingModel, id);

/**
 * A booking written as `bookingModel.toStored` made it. Its status moves only by the booking machine:
 * the caller appends the transition's (or the birth's) event in the same transaction.
 */
export const saveBookingInTx = async (tx: Tx, booking: BookingDoc): Promise<void> => {
  await tx.collection('bookings').doc(booking._id).set({ data: withoutId(booking) });
};

/** V4: a list's source of the bookings matching `where`, by start time. */
export const bookingsByStart = (where: object, order: 'asc' | 'desc'): Source<BookingDoc> => ({
  collection: 'bookings',
  where,
  sort: [{ field: 'start', order }],
  parse: (raw) => bookingModel.parse(raw),
});
