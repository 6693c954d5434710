/**
 * Issue 16 (bundles ≤ 120 KB): an area may be deployed as several cloud functions, its own and its
 * parts (the registry's `parts`). Each action is answered by exactly one of them, the one the client
 * sends it to (`deployedFunctionOf`); any other answers it as an unknown action. A mini-program released
 * before a split still sends a moved action to its area's function: it gets that declared refusal,
 * COMMON.UNKNOWN_ACTION (final, never retried), whose words ask the person to update the mini-program.
 */
import { areas, deployedFunctionOf, deployedFunctions } from '@shared/areas';
import { callbacks, catalogue, company, complaints, deployedCatalogue, members, privacy, reception, repairs, settings, visits, type Action } from '@shared/contracts';
import { errorRetry } from '@shared/contracts/errors';
import { messages } from '@shared/messages';
import { functions, snapshot, WANG, ADMIN, MANAGER } from './harness';
import { harnessRuntime, validInputs } from './valid-inputs';

const everyAction = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];

describe('issue 16: each action is deployed in exactly one cloud function', () => {
  it("the deployed functions' actions are the catalogue's, each exactly once", () => {
    const deployed = Object.entries(deployedCatalogue).flatMap(([fn, actions]) => Object.values(actions).map((a) => `${a.fn}.${a.name}@${fn}`));
    expect(deployed.map((d) => d.split('@')[0]).sort()).toEqual(everyAction.map((a) => `${a.fn}.${a.name}`).sort());
    expect(new Set(deployed.map((d) => d.split('@')[0])).size).toBe(deployed.length);
  });

  it('every deployed function has a name the platform takes: letters, digits, "_" and "-", a letter first, a letter or digit last, 2 to 60 characters', () => {
    // Cloud functions run on SCF; its CreateFunction names them so (FunctionName, https://cloud.tencent.com/document/product/583/18586).
    const refused = deployedFunctions.map((f) => f.name).filter((name) => !/^[A-Za-z][A-Za-z0-9_-]{0,58}[A-Za-z0-9]$/.test(name));
    expect(refused).toEqual([]);
    expect(deployedFunctions.length).toBeGreaterThan(areas.length);
  });

  it("a part names only actions of its own area, each in one part, and leaves its area's function some", () => {
    for (const area of areas) {
      const parts = Object.entries(('parts' in area ? area.parts : {}) as Record<string, readonly string[]>);
      const named = parts.flatMap(([, names]) => names);
      expect({ area: area.name, unknown: named.filter((n) => !Object.hasOwn(catalogue[area.name], n)) }).toEqual({ area: area.name, unknown: [] });
      expect({ area: area.name, twice: named.filter((n, i) => named.indexOf(n) !== i) }).toEqual({ area: area.name, twice: [] });
      expect(Object.keys(deployedCatalogue[area.name]).length).toBeGreaterThan(0);
    }
  });

  it('the areas are split as the registry says: repairs, complaints, callbacks and visits by filing, handling and reading', () => {
    expect([repairs.create, repairs.register, repairs.inbox, repairs.get, repairs.complete, repairs.signOff].map(deployedFunctionOf)).toEqual(['repairs', 'repairs', 'repairs-desk', 'repairs-reads', 'repairs-steps', 'repairs-steps']);
    expect([complaints.create, complaints.reply, complaints.rate].map(deployedFunctionOf)).toEqual(['complaints', 'complaints-desk', 'complaints-reads']);
    expect([callbacks.record, callbacks.raiseComplaint, visits.book, reception.log].map(deployedFunctionOf)).toEqual(['callbacks', 'callbacks-complaints', 'visits', 'visits-reception']);
  });

  it('the members area is split as the registry says: staff, residents, privacy, administration', () => {
    expect(deployedFunctionOf(members.invite)).toBe('members');
    expect(deployedFunctionOf(members.bootstrap)).toBe('members');
    expect(deployedFunctionOf(members.requestBinding)).toBe('members-residents');
    expect(deployedFunctionOf(members.joinRoom)).toBe('members-residents');
    expect(deployedFunctionOf(privacy.erase)).toBe('members-privacy');
    expect(deployedFunctionOf(company.createProperty)).toBe('members-admin');
    expect(deployedFunctionOf(settings.updateSettings)).toBe('members-admin');
  });

  it('the function the client sends an action to has its handler (both ends read the one registry)', () => {
    expect(everyAction.filter((a) => !functions[deployedFunctionOf(a)].handled.includes(a.name)).map((a) => `${a.fn}.${a.name}`)).toEqual([]);
  });
});

describe("issue 16: a deployed function answers only its own actions; an old client's moved action is asked to update", () => {
  const state = harnessRuntime();
  const openidFor = (a: Action) => (a.roles === 'any-signed-in' ? WANG : a.roles.includes('admin') ? ADMIN : MANAGER);

  it('an action sent to another deployed function of its area is COMMON.UNKNOWN_ACTION, and nothing is written', async () => {
    const inputs = validInputs(state.repairId);
    const before = await snapshot(state.rt);
    const answered: string[] = [];
    for (const { name: fn, area } of deployedFunctions) {
      const others = Object.values(catalogue[area]).filter((a) => deployedFunctionOf(a) !== fn);
      for (const action of others) {
        const answer = (await state.rt.invoke(fn, { action: action.name, input: inputs[`${action.fn}.${action.name}`] }, { openid: openidFor(action) })) as { ok: boolean; code?: string };
        answered.push(`${fn} ${action.name}: ${answer.code ?? 'ok'}`);
      }
    }
    expect(answered.filter((a) => !a.endsWith(': COMMON.UNKNOWN_ACTION'))).toEqual([]);
    // The members area has parts: the sweep is not vacuous.
    expect(answered).toEqual(expect.arrayContaining(['members createProperty: COMMON.UNKNOWN_ACTION', 'members-admin invite: COMMON.UNKNOWN_ACTION']));
    expect(await snapshot(state.rt)).toEqual(before);
  });

  it('a client released before the split, calling members for the administrator\'s properties, is refused finally and told to update; the new route answers', async () => {
    const inputs = validInputs(state.repairId);
    const old = await state.rt.invoke('members', { action: 'properties', input: inputs['members.properties'] }, { openid: ADMIN });
    expect(old).toEqual({ ok: false, code: 'COMMON.UNKNOWN_ACTION', message: messages.errors['COMMON.UNKNOWN_ACTION'] });
    expect(messages.errors['COMMON.UNKNOWN_ACTION']).toContain('请更新小程序');
    expect(errorRetry['COMMON.UNKNOWN_ACTION']).toBe('final');
    expect(await state.rt.invoke('members-admin', { action: 'properties', input: inputs['members.properties'] }, { openid: ADMIN })).toMatchObject({ ok: true });
  });
});
