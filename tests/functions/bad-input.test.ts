import { deployedFunctionOf } from '@shared/areas';
import { catalogue, repairs, type Action } from '@shared/contracts';
import type { FieldError } from '@shared/result';
import { callAs, DESK_ON_SHIFT, dumpText, PROPERTY, repairInput, snapshot, SUPERVISOR, TECH_LI, WANG, ZHANG } from './harness';
import { harnessRuntime, validInputs } from './valid-inputs';
import { mutations } from './mutations';

/**
 * Every action of every function, sent inputs that are wrong in generated ways, by callers of every
 * role: each answer is COMMON.BAD_INPUT with a Chinese message naming every wrong field, and nothing is written.
 */
const callers = [WANG, ZHANG, DESK_ON_SHIFT, TECH_LI, SUPERVISOR, 'o-stranger'];


describe('bad input: every action refuses it with a code and writes nothing', () => {
  const state = harnessRuntime();

  const all = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];

  it('every action in the catalogue has a valid input here', () => {
    const valid = validInputs('x');
    expect(all.map((a) => `${a.fn}.${a.name}`).filter((name) => !valid[name])).toEqual([]);
  });

  it.each(all.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', async (_name, action) => {
    const valid = validInputs(state.repairId)[`${action.fn}.${action.name}`] ?? {};
    const bad = mutations(valid).filter(([, input]) => !action.input.safeParse(input).success);
    expect(bad.length).toBeGreaterThan(3);
    // No call asks the database for a write, and every collection is as it was once the action's calls are done.
    const before = dumpText(state.rt);
    for (const [label, input] of bad) {
      for (const openid of callers) {
        const writesBefore = state.rt.engine.stats.writes;
        const result = (await state.rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; code?: string; message?: string; fields?: FieldError[] };
        expect({ label, ok: result.ok, code: result.code }).toEqual({ label, ok: false, code: 'COMMON.BAD_INPUT' });
        expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
        // Issue 12 (3.11): the refusal names each wrong field, by a Chinese label, with a Chinese message.
        expect(result.fields?.length).toBeGreaterThan(0);
        for (const f of result.fields ?? []) expect({ label, f, chinese: /[\u4e00-\u9fa5]/.test(f.message) && (f.label === '' || /[\u4e00-\u9fa5]/.test(f.label)) }).toMatchObject({ label, chinese: true });
        expect({ label, openid, writes: state.rt.engine.stats.writes }).toEqual({ label, openid, writes: writesBefore });
      }
    }
    const after = dumpText(state.rt);
    if (JSON.stringify(after) !== JSON.stringify(before)) expect(after).toEqual(before);
  });

  it('an envelope without an action, or with an unknown one, is refused', async () => {
    for (const event of [null, 'x', { input: {} }, { action: 'repairs.nuke', input: {} }, { action: 'create'.repeat(20), input: {} }]) {
      const result = (await state.rt.invoke('repairs', event, { openid: WANG })) as { ok: boolean; code: string };
      expect(result.ok).toBe(false);
      expect(['COMMON.BAD_INPUT', 'COMMON.UNKNOWN_ACTION']).toContain(result.code);
    }
  });

  it('ids of other users\' and other properties\' records are refused and change nothing', async () => {
    const before = await snapshot(state.rt);
    const tries: [string, unknown][] = [
      [ZHANG, { propertyId: PROPERTY, repairId: state.repairId }],
      [TECH_LI, { propertyId: PROPERTY, repairId: state.repairId }],
      [WANG, { propertyId: 'other', repairId: state.repairId }],
    ];
    for (const [openid, input] of tries) {
      const result = await callAs(state.rt, openid, repairs.get, input);
      expect(result.ok).toBe(false);
    }
    expect(await callAs(state.rt, ZHANG, repairs.create, repairInput({ roomId: 'demo:1-1-101' }))).toMatchObject({ ok: false, code: 'REPAIR.ROOM_NOT_YOURS' });
    expect(await snapshot(state.rt)).toEqual(before);
  });
});
