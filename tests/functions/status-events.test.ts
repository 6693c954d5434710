import { complaints } from '@shared/contracts';
import { callAs, complaintInput, expectOk, raw, startRuntime, WANG, WANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** A complaint filed through the function, then resolved around its machine: a bare write with no event. */
const resolveByHand = async (rt: Rt) => {
  const filed = expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
  const before = raw(rt, 'complaints');
  const written = rt.db.collection('complaints').doc(filed.id).update({ data: { status: 'resolved', version: 2 } });
  await expect(written).rejects.toThrow(`status of complaints/${filed.id} changed from "received" to "resolved" without an event about it in the same write`);
  expect(raw(rt, 'complaints')).toEqual(before);
  expect(rt.engine.statusViolations).toHaveLength(1);
};

/**
 * Issue 15, 2: the functions' test runtime checks at every commit that a change of a machine
 * entity's status commits its event; a write that skips the machine is refused.
 */
describe('the functions\' runtime holds every status change to its event', () => {
  it('refuses a complaint resolved by hand with no event, naming the collection, the id and the status, and keeps the complaint as it was', async () => {
    const rt = await startRuntime();
    try {
      await resolveByHand(rt);
    } finally {
      // The harness fails any file that leaves a refusal behind; this one was wanted.
      rt.engine.reset();
      rt.close();
    }
  });
});
