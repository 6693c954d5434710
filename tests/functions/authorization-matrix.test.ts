import { catalogue, type Action } from '@shared/contracts';
import { roles, type Role } from '@shared/model/member.model';
import { ADMIN, DESK_ON_SHIFT, expectRefusedUnchanged, MANAGER, refusalOf, SUPERVISOR, TECH_LI, WANG } from './harness';
import { harnessRuntime, validInputs } from './valid-inputs';

const personOf: Record<Role, string> = { resident: WANG, desk: DESK_ON_SHIFT, supervisor: SUPERVISOR, technician: TECH_LI, manager: MANAGER, admin: ADMIN };

/**
 * Issue 7 (7): every action of every function, called with a valid input by each role it is not
 * for, is refused by the router with COMMON.FORBIDDEN (COMMON.NOT_A_MEMBER across the line between
 * the company's administrator and a property's people, issue 14), and by a WeChat user who belongs nowhere
 * with COMMON.NOT_A_MEMBER, and no collection changes (compared around each call). New actions join the matrix by being in the
 * catalogue (and in valid-inputs.ts, which the bad-input suite already demands).
 */
describe('authorisation matrix: every action × every role it is not for', () => {
  const state = harnessRuntime();

  const all = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];
  const memberOnly = all.filter((a) => a.roles !== 'any-signed-in');

  it.each(memberOnly.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', async (name, action) => {
    const input = validInputs(state.repairId)[name];
    expect(action.input.safeParse(input).success).toBe(true);
    const outsiders = roles.filter((role) => !(action.roles as readonly Role[]).includes(role));
    for (const role of outsiders) await expectRefusedUnchanged(state.rt, personOf[role], action, input, refusalOf(role, action));
    await expectRefusedUnchanged(state.rt, 'o-stranger', action, input, 'COMMON.NOT_A_MEMBER');
  });
});
