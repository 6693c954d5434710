/**
 * Issue 15 (5): the router answers with the value that passed the action's output contract, so a
 * field the contract does not name (an openid, a raw phone number) never reaches the caller, on the
 * first answer or on a replay.
 */
import { createRuntime } from '../../local/runtime';
import { ok } from '@shared/result';
import { repairs, session, type Output } from '@shared/contracts';
import { sessionActions } from '@shared/contracts/session.contract';
import { defineFunction } from '../../cloudfunctions/_shared/router';
import { callAs, expectOk, functions, newCommandId, raw, repairInput, startRuntime, TEST_BOOTSTRAP_SECRET, testClock, MORNING, WANG } from './harness';

describe('the router answers with what passed the output contract', () => {
  it('a field the handler adds beyond the contract does not reach the caller', async () => {
    const leaky = defineFunction('session', { me: sessionActions.me }, {
      me: async (_input, { caller }) => ok({ memberships: [], openid: caller.openid } as Output<typeof session.me>),
    });
    const rt = await createRuntime({ dataDir: null, functions: { ...functions, session: leaky }, now: testClock(MORNING).now, bootstrapSecret: TEST_BOOTSTRAP_SECRET });
    try {
      expect(await callAs(rt, WANG, session.me, {})).toEqual({ ok: true, data: { memberships: [] } });
    } finally {
      await rt.close();
    }
  });

  it('a replayed result keeps no field the contract does not name either', async () => {
    const rt = await startRuntime();
    try {
      const commandId = newCommandId();
      const first = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
      const record = raw<{ _id: string; commandId: string }>(rt, 'commands').find((c) => c.commandId === commandId)!;
      await rt.db.collection('commands').doc(record._id).update({ data: { result: rt.db.command.set({ ...first, residentOpenid: WANG }) } });
      const replay = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
      expect(replay).toEqual(first);
      expect(replay).not.toHaveProperty('residentOpenid');
    } finally {
      await rt.close();
    }
  });
});
