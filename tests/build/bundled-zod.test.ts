/**
 * Issue 16: the function bundles carry zod/mini, tree-shaken by esbuild, instead of classic zod. Through
 * the BUILT bundles, every schema still builds and parses: a create with a field over its limit is refused
 * with the field, the limit and the length (a check left out of the bundle would make this
 * COMMON.INTERNAL or fail to load), and a valid one is filed.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repairs } from '@shared/contracts';
import { createRuntime } from '../../local/runtime';
import { loadBuiltFunctions } from '../../local/functions';
import { callAs, MORNING, newCommandId, repairInput, TEST_BOOTSTRAP_SECRET, testClock, WANG } from '../functions/harness';

const built = join(resolve(__dirname, '..', '..'), 'dist', 'cloudfunctions');

describe('the function bundles on zod/mini', () => {
  it('still refuse an over-long field with its limit and length, and file a valid repair', async () => {
    if (!existsSync(built)) throw new Error('dist/cloudfunctions is missing: run `npm run build:functions` first');
    const rt = await createRuntime({ dataDir: null, functions: loadBuiltFunctions(), now: testClock(MORNING).now, bootstrapSecret: TEST_BOOTSTRAP_SECRET });
    try {
      const result = await callAs(rt, WANG, repairs.create, { ...repairInput(), commandId: newCommandId(), description: '水'.repeat(3000) });
      expect(result).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', fields: [{ field: 'description', limit: { max: 500, length: 3000 } }] });
      expect(await callAs(rt, WANG, repairs.create, { ...repairInput(), commandId: newCommandId() })).toMatchObject({ ok: true });
    } finally {
      rt.close();
    }
  }, 60_000);
});
