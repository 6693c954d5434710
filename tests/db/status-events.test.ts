/**
 * Issue 15, 2: with `checkStatusEvents`, as the functions' test runtime turns it on, the engine
 * refuses any committed change of a watched collection's `status` that does not commit an event
 * about the document (`events`, `subject.id`) in the same write or transaction.
 */
import { rejection, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ bookings: [], events: [], notes: [] }, { checkStatusEvents: ['bookings'] });
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

  it('lets writes that keep the status, removals and unwatched collections through', async () => {
    await bookings().doc('b1').update({ data: { version: 2, reason: '改时间' } });
    await cloud.db.collection('notes').add({ data: { _id: 'n1', status: 'open' } });
    await bookings().doc('b1').remove();
    expect(stored()).toEqual([]);
    expect(cloud.engine.statusViolations).toEqual([]);
  });
});
