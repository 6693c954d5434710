import { catalogue, repairs, type Action } from '@shared/contracts';
import { roles, type Role } from '@shared/model/member.model';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, repairInput, startRuntime, SUPERVISOR, TECH_LI, WANG } from './harness';
import { validInputs } from './valid-inputs';

const personOf: Record<Role, string> = { resident: WANG, desk: DESK_ON_SHIFT, supervisor: SUPERVISOR, technician: TECH_LI, manager: 'o-mgr-zhou' };

/**
 * Issue 7 (7): every action of every function, called with a valid input by each role it is not
 * for, is refused by the router with COMMON.FORBIDDEN, and by a WeChat user who belongs nowhere
 * with COMMON.NOT_A_MEMBER, and no collection changes (compared around each call). New actions join the matrix by being in the
 * catalogue (and in valid-inputs.ts, which the bad-input suite already demands).
 */
describe('authorisation matrix: every action × every role it is not for', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  let repairId: string;
  beforeAll(async () => {
    rt = await startRuntime();
    repairId = expectOk(await callAs(rt, WANG, repairs.create, repairInput())).id;
  });
  afterAll(() => rt.close());

  const all = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];
  const memberOnly = all.filter((a) => a.roles !== 'any-signed-in');

  it.each(memberOnly.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', async (name, action) => {
    const input = validInputs(repairId)[name];
    expect(action.input.safeParse(input).success).toBe(true);
    const outsiders = roles.filter((role) => !(action.roles as readonly Role[]).includes(role));
    for (const role of outsiders) await expectRefusedUnchanged(rt, personOf[role], action, input, 'COMMON.FORBIDDEN');
    await expectRefusedUnchanged(rt, 'o-stranger', action, input, 'COMMON.NOT_A_MEMBER');
  });
});
