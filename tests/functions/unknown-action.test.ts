import { deployedFunctions } from '@shared/areas';
import { deployedCatalogue } from '@shared/contracts';
import { snapshot, startRuntime, WANG } from './harness';
import { inheritedNames } from './inherited-names';

describe('only real actions are run', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeAll(async () => {
    rt = await startRuntime();
  });
  afterAll(() => rt.close());

  it.each(deployedFunctions.map((f) => [f.name]))('%s: an inherited property name is an unknown action, not an internal error', async (fn) => {
    const before = await snapshot(rt);
    for (const action of inheritedNames) {
      expect(Object.hasOwn(deployedCatalogue[fn], action)).toBe(false);
      const result = await rt.invoke(fn, { action, input: { propertyId: 'demo' } }, { openid: WANG });
      expect({ action, result }).toMatchObject({ action, result: { ok: false, code: 'COMMON.UNKNOWN_ACTION' } });
    }
    expect(await snapshot(rt)).toEqual(before);
  });

  it('an inherited property name is no cloud function either', async () => {
    for (const name of inheritedNames) await expect(rt.invoke(name, { action: 'context', input: {} }, { openid: WANG })).rejects.toThrow(`no cloud function named ${name}`);
  });
});
