/**
 * Issue 16: each function bundle carries only the refusals and field labels it can answer with
 * (scripts/build-functions.ts picks them by what the bundle names). Read from the BUILT bundles: every
 * code an action declares, and every code the bundle names anywhere, still has its words in it; another
 * area's refusals are not carried; and through the built bundles a refusal and a field's problem still
 * arrive in the catalogue's words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deployedCatalogue, repairs } from '@shared/contracts';
import type { DeployedFunction } from '@shared/areas';
import { messages } from '@shared/messages';
import * as words from '@shared/messages/words';
import { keysTexts } from '@shared/messages/keys.zh-CN';
import { createRuntime } from '../../local/runtime';
import { loadBuiltFunctions } from '../../local/functions';
import { callAs, functions, MORNING, PROPERTY, repairInput, TEST_BOOTSTRAP_SECRET, testClock, WANG, ZHANG_ROOM } from '../functions/harness';

const built = join(resolve(__dirname, '..', '..'), 'dist', 'cloudfunctions');

const bundles = (): [string, string][] => {
  if (!existsSync(built)) throw new Error('dist/cloudfunctions is missing: run `npm run build:functions` first');
  return readdirSync(built).map((name) => [name, readFileSync(join(built, name, 'index.js'), 'utf8')]);
};

const codes = Object.keys(messages.errors) as (keyof typeof messages.errors)[];
const named = (bundle: string, code: string) => bundle.includes(`"${code}"`);
/** The words of a code are in the bundle as the value of its key, as esbuild writes the catalogue's object. */
const worded = (bundle: string, code: keyof typeof messages.errors) => bundle.includes(`"${code}":${JSON.stringify(messages.errors[code])}`);

describe('issue 16: each function bundle carries the refusals it answers with, and only those', () => {
  it('the catalogue the functions read group by group (`words`) is the whole catalogue, group for group', () => {
    expect(Object.keys(words).filter((group) => !(group in messages)).sort()).toEqual(['functionWords', 'zhCN']);
    const differing = Object.keys(messages).filter((group) => words[group as keyof typeof words] !== messages[group as keyof typeof messages]);
    expect(differing).toEqual([]);
  });

  it.each(bundles())("%s: every code its actions declare, and every code it names, is carried with the catalogue's words", (name, bundle) => {
    const declared = Object.values(deployedCatalogue[name as DeployedFunction] ?? {}).flatMap((action) => action.errors);
    const needed = [...new Set([...declared, ...codes.filter((code) => named(bundle, code))])];
    expect(needed.filter((code) => !worded(bundle, code))).toEqual([]);
  });

  it("a function carries no other area's refusals: the session bundle has none of the repairs', members' or keys' words", () => {
    const session = bundles().find(([name]) => name === 'session')![1];
    const foreign = codes.filter((code) => /^(REPAIR|BINDING|KEY)\./.test(code) && !named(session, code));
    expect(foreign.length).toBeGreaterThan(10);
    expect(foreign.filter((code) => session.includes(messages.errors[code]))).toEqual([]);
  });

  it("a function carries only the groups of words it reads: the session bundle has none of the members' or the keys' words", () => {
    const session = bundles().find(([name]) => name === 'session')![1];
    const groups = { memberTexts: messages.memberTexts, memberActions: messages.memberActions, keys: keysTexts, proposalBasis: messages.proposalBasis };
    const carried = Object.entries(groups).flatMap(([group, words]) =>
      Object.entries(words)
        .filter(([, text]) => typeof text === 'string' && session.includes(JSON.stringify(text)))
        .map(([key]) => `${group}.${key}`),
    );
    expect(carried).toEqual([]);
  });

  it("a function screening one kind's content carries only that kind's model: complaints (filing), complaints-desk and complaints-reads (decideContent) not the repair model (the filing's checks and decideContent take the kind's store)", () => {
    // esbuild's metafile of each bundle (scripts/build-functions.ts): the inputs that add bytes to it.
    const modelsIn = (name: string) => {
      const meta = JSON.parse(readFileSync(join(built, '..', 'function-meta', `${name}.json`), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
      const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
      return ['repair', 'complaint'].filter((kind) => inputs.includes(`shared-types/src/model/${kind}.model.ts`));
    };
    // The timer meets both kinds, and finds each one's store by the kind.
    expect({ complaints: modelsIn('complaints'), 'complaints-desk': modelsIn('complaints-desk'), 'complaints-reads': modelsIn('complaints-reads'), reminders: modelsIn('reminders') }).toEqual({
      complaints: ['complaint'],
      'complaints-desk': ['complaint'],
      'complaints-reads': ['complaint'],
      reminders: ['repair', 'complaint'],
    });
  });

  it("a bundle keeps only the shared definitions it reads: members imports the session contract for `Membership` alone and carries none of its other schemas, which the session bundle does", () => {
    // The read-mark subject's kind (session.contract.ts), a schema members never parses.
    const readMarkKind = '/^[A-Za-z]{1,32}$/';
    const carries = Object.fromEntries(bundles().filter(([name]) => name === 'members' || name === 'session').map(([name, bundle]) => [name, bundle.includes(readMarkKind)]));
    expect(carries).toEqual({ members: false, session: true });
  });

  it("only the session function carries the health check's robot and subscribe tests (the smoke asks it; 1.4 KB of every other bundle)", () => {
    // What the subscribe test says of a property with no template ready (session/message-tests.ts).
    const carrying = bundles()
      .filter(([, bundle]) => bundle.includes('no template with its fields is set for this property'))
      .map(([name]) => name);
    expect(carrying).toEqual(['session']);
  });

  it('no bundle wraps its modules in lazy initialisers (what a required glob made of the reminders)', () => {
    const checked = bundles().filter(([name]) => !['imports', 'reports', 'forms'].includes(name));
    expect(checked.length).toBeGreaterThan(5);
    // esbuild's `__esm` helper, minified: `(e,t)=>()=>(e&&(t=e(e=0)),t)`.
    expect(checked.filter(([, bundle]) => /\(\w&&\(\w=\w\(\w=0\)\),\w\)/.test(bundle)).map(([name]) => name)).toEqual([]);
  });

  it('requiring a bundle builds no zod/mini schema: each is built on its first use (issue 16, require time: `lazySchema`)', () => {
    // zod calls its global post-processor on every schema it constructs; the bundle's own zod copy reads the same global.
    const schemasBuilt = (file: string) => {
      const script = `let n=0;globalThis.__zod_globalConfig={postProcessor:()=>n++};const c=require('wx-server-sdk');c.init({env:c.DYNAMIC_CURRENT_ENV});require(${JSON.stringify(file)});process.stdout.write(String(n));`;
      return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: dirname(file) }));
    };
    const checked = bundles().filter(([name]) => !['imports', 'reports', 'forms'].includes(name));
    expect(checked.length).toBeGreaterThan(5);
    expect(checked.map(([name]) => [name, schemasBuilt(join(built, name, 'index.js'))]).filter(([, n]) => n !== 0)).toEqual([]);
  }, 120_000);

  it("no bundle carries zod/mini's ISO date, time or duration schemas (its `iso` namespace whole) nor zod's English locale", () => {
    const checked = bundles().filter(([name]) => !['imports', 'reports', 'forms'].includes(name));
    expect(checked.length).toBeGreaterThan(5);
    // Every bundle parses ISO instants (`isoDateTime`), none a date, a time or a duration; `en` names a credit card number.
    expect(checked.filter(([, bundle]) => !bundle.includes('"ZodMiniISODateTime"')).map(([name]) => name)).toEqual([]);
    const extra = ['"ZodMiniISODate"', '"ZodMiniISOTime"', '"ZodMiniISODuration"', 'credit card number'];
    expect(checked.flatMap(([name, bundle]) => extra.filter((text) => bundle.includes(text)).map((text) => `${name}: ${text}`))).toEqual([]);
  });

  it('through the built bundles, a declared refusal and field problems arrive in the words of the catalogue', async () => {
    // Field problems, nested ones by their own label: the same answer as the functions run from source give.
    const badFields = repairInput({ description: ' ', category: 'spaceship', preferredTime: { date: '明天', slot: 'evening' }, photos: Array(7).fill('cloud://x/y.jpg') });
    const fromSource = await createRuntime({ dataDir: null, functions, now: testClock(MORNING).now, bootstrapSecret: TEST_BOOTSTRAP_SECRET });
    const sourceAnswer = await callAs(fromSource, WANG, repairs.create, badFields).finally(() => fromSource.close());
    const rt = await createRuntime({ dataDir: null, functions: loadBuiltFunctions(), now: testClock(MORNING).now, bootstrapSecret: TEST_BOOTSTRAP_SECRET });
    try {
      expect(await callAs(rt, WANG, repairs.create, repairInput({ roomId: ZHANG_ROOM }))).toEqual({
        ok: false,
        code: 'REPAIR.ROOM_NOT_YOURS',
        message: messages.errors['REPAIR.ROOM_NOT_YOURS'],
      });
      expect(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: 'r-none' })).toMatchObject({
        ok: false,
        code: 'REPAIR.NOT_FOUND',
        message: messages.errors['REPAIR.NOT_FOUND'],
      });
      const answer = await callAs(rt, WANG, repairs.create, badFields);
      expect(answer).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', fields: [{ label: messages.fields.category }, {}, { label: messages.fields['preferredTime.date'] }, {}] });
      expect(answer).toEqual(sourceAnswer);
    } finally {
      rt.close();
    }
  }, 60_000);
});
