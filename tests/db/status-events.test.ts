/**
 * Issue 15, 2: with `checkStatusEvents`, as the functions' test runtime turns it on, the engine
 * refuses any committed change of a watched collection's `status` that does not commit an event
 * about the document (`events`, `subject.id`) in the same write or transaction.
 */
import { rejection, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ bookings: [], events: [], notes: [], keys: [], commands: [] }, { checkStatusEvents: ['bookings', 'keys.loan'] });
});
afterAll(() => cloud.uninstall());

beforeEach(() => {
  cloud.engine.reset();
  cloud.engine.insertRaw('bookings', [{ _id: 'b1', status: 'booked', version: 1 }]);
  cloud.engine.insertRaw('events', [{ _id: 'ev-b1-1', subject: { kind: 'booking', id: 'b1' }, action: 'book' }]);
});

const bookings = () => cloud.db.collection('bookings');
const eventAbout = (id: string, version: number) => ({ _id: `ev-${id}-${version}`, subject: { kind: 'booking', id }, action: 'cancel' });
const stored = () => cloud.engine.collection('bookings').all();

describe('the engine refuses a status change that commits no event', () => {
  it('refuses a plain update of status, naming the collection, the id and the status, and commits nothing', async () => {
    const before = stored();
    const error = await rejection(bookings().doc('b1').update({ data: { status: 'cancelled', version: 2 } }));
    expect(error.message).toContain('status of bookings/b1 changed from "booked" to "cancelled" without an event about it in the same write');
    expect(stored()).toEqual(before);
    expect(cloud.engine.statusViolations).toEqual([expect.stringContaining('bookings/b1')]);
  });

  it('refuses a new document born with a status and no event', async () => {
    const error = await rejection(bookings().add({ data: { _id: 'b2', status: 'booked', version: 1 } }));
    expect(error.message).toContain('status of bookings/b2 changed from null to "booked"');
    expect(stored().map((b) => b._id)).toEqual(['b1']);
  });

  it('refuses a transaction whose event is about another document, and commits none of it', async () => {
    const error = await rejection(
      cloud.db.runTransaction(async (tx) => {
        await tx.collection('bookings').doc('b1').set({ data: { status: 'cancelled', version: 2 } });
        const { _id, ...event } = eventAbout('b9', 2);
        await tx.collection('events').doc(_id).set({ data: event });
      }),
    );
    expect(error.message).toContain('status of bookings/b1 changed from "booked" to "cancelled"');
    expect(stored()).toEqual([{ _id: 'b1', status: 'booked', version: 1 }]);
    expect(cloud.engine.collection('events').count()).toBe(1);
  });

  it('commits a status change made with its event in one transaction', async () => {
    await cloud.db.runTransaction(async (tx) => {
      await tx.collection('bookings').doc('b1').set({ data: { status: 'cancelled', version: 2 } });
      const { _id, ...event } = eventAbout('b1', 2);
      await tx.collection('events').doc(_id).set({ data: event });
    });
    expect(stored()).toEqual([{ _id: 'b1', status: 'cancelled', version: 2 }]);
    expect(cloud.engine.statusViolations).toEqual([]);
  });

  it('issue 16: lets a document born in a command\'s journal in after the commit, its birth event in the same record, while the record is unchecked', async () => {
    const record = (id: string, journal: unknown[], fanned = false) => ({ _id: id, fanned, journal });
    const born = (id: string) => ({ collection: 'bookings', doc: { _id: id, status: 'booked', version: 1 } });
    const birth = (id: string) => ({ collection: 'events', doc: { _id: `ev-${id}-1`, subject: { kind: 'booking', id }, action: 'book' } });
    cloud.engine.insertRaw('commands', [
      record('c1', [born('b5'), birth('b5')]),
      // Its event in another record, or none, or a record the journal step has checked: no birth of it.
      record('c2', [born('b6')]),
      record('c3', [birth('b6')]),
      record('c4', [born('b7'), birth('b7')], true),
    ]);
    await bookings().add({ data: { _id: 'b5', status: 'booked', version: 1 } });
    expect((await rejection(bookings().add({ data: { _id: 'b6', status: 'booked', version: 1 } }))).message).toContain('status of bookings/b6 changed from null to "booked"');
    expect((await rejection(bookings().add({ data: { _id: 'b7', status: 'booked', version: 1 } }))).message).toContain('bookings/b7');
    // A change of a stored document is no birth: a journal naming it does not cover it.
    cloud.engine.insertRaw('commands', [record('c5', [{ collection: 'bookings', doc: { _id: 'b1', status: 'cancelled' } }, birth('b1')])]);
    expect((await rejection(bookings().doc('b1').update({ data: { status: 'cancelled' } }))).message).toContain('bookings/b1');
    expect(stored().map((b) => b._id)).toEqual(['b1', 'b5']);
  });

  it('lets writes that keep the status, removals and unwatched collections through', async () => {
    await bookings().doc('b1').update({ data: { version: 2, reason: '改时间' } });
    await cloud.db.collection('notes').add({ data: { _id: 'n1', status: 'open' } });
    await bookings().doc('b1').remove();
    expect(stored()).toEqual([]);
    expect(cloud.engine.statusViolations).toEqual([]);
  });
});

describe('issue 16: an entity held in a field while open (a key\'s loan, `keys.loan`) commits its event with every change of it', () => {
  const loan = (status: string, version: number) => ({ _id: 'kl1', status, version });
  const keys = () => cloud.db.collection('keys');
  const inTransaction = (data: Record<string, unknown>, eventAbout?: string) =>
    cloud.db.runTransaction(async (tx) => {
      await tx.collection('keys').doc('k1').set({ data });
      if (eventAbout) await tx.collection('events').doc(`ev-${eventAbout}`).set({ data: { subject: { kind: 'keyLoan', id: eventAbout }, action: 'step' } });
    });
  beforeEach(() => {
    cloud.engine.insertRaw('keys', [{ _id: 'k1', label: 'SB-02', loan: loan('lent', 1), version: 1 }]);
  });
  const key = () => cloud.engine.collection('keys').all()[0];

  it('refuses a loan whose status changes on its key, one that leaves it and one that comes to it, each without its event', async () => {
    expect((await rejection(inTransaction({ label: 'SB-02', loan: loan('overdue', 2), version: 2 }))).message).toContain('status of keys.loan/kl1 changed from "lent" to "overdue"');
    expect((await rejection(inTransaction({ label: 'SB-02', loan: null, version: 2 }))).message).toContain('status of keys.loan/kl1 changed from "lent" to null');
    // An event about the loan that comes does not cover the one that leaves.
    expect((await rejection(inTransaction({ label: 'SB-02', loan: { _id: 'kl2', status: 'lent', version: 1 }, version: 2 }, 'kl2'))).message).toContain('keys.loan/kl1');
    await keys().doc('k1').update({ data: { loan: null } }).catch(() => undefined);
    expect(key()).toEqual({ _id: 'k1', label: 'SB-02', loan: loan('lent', 1), version: 1 });
    expect(cloud.engine.statusViolations).toHaveLength(4);
  });

  it('commits each change made with its event, and a write that leaves the loan as it was', async () => {
    await inTransaction({ label: 'SB-02', loan: loan('overdue', 2), version: 2 }, 'kl1');
    await keys().doc('k1').update({ data: { label: 'SB-02A' } });
    await inTransaction({ label: 'SB-02A', loan: null, version: 3 }, 'kl1');
    await inTransaction({ label: 'SB-02A', loan: { _id: 'kl2', status: 'pending', version: 1 }, version: 4 }, 'kl2');
    expect(key()).toEqual({ _id: 'k1', label: 'SB-02A', loan: { _id: 'kl2', status: 'pending', version: 1 }, version: 4 });
    expect(cloud.engine.statusViolations).toEqual([]);
  });
});
