/**
 * cloudfunctions/manifest.json against the code: every collection used is declared (and every declared
 * one used), every function has limits and a WeChat-readable config.json, rules deny by default, and
 * the built functions are exactly the declared ones.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Cron } from 'croner';
import * as z from 'zod/mini';
import { readManifest } from '../../scripts/deploy-manifest';
import { OPENAPI_PERMISSIONS } from '../../cloudfunctions/_shared/wechat';
import { TIMER_FUNCTIONS } from '@shared/model/environment.model';

const root = resolve(__dirname, '..', '..');
const source = join(root, 'cloudfunctions');
const dist = join(root, 'dist', 'cloudfunctions');
const manifest = readManifest(join(source, 'manifest.json'));

const dirs = (dir: string): string[] => readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].flatMap((m) => (m[1] ? [m[1]] : []));

/** `collection('x')` in server code and the seed, plus `collection: 'x'` in stored-document models. */
const usedCollections = (): Map<string, string[]> => {
  const used = new Map<string, string[]>();
  const add = (name: string, file: string) => used.set(name, [...new Set([...(used.get(name) ?? []), relative(root, file)])]);
  const code = [...files(source).filter((f) => f.endsWith('.ts')), join(root, 'local', 'seed.ts')];
  for (const file of code) {
    for (const name of matches(readFileSync(file, 'utf8'), /\bcollection\(\s*['"]([^'"]+)['"]\s*\)/g)) add(name, file);
  }
  const models = join(root, 'shared-types', 'src', 'model');
  for (const file of files(models).filter((f) => f.endsWith('.model.ts'))) {
    for (const name of matches(readFileSync(file, 'utf8'), /\bcollection:\s*['"]([^'"]+)['"]/g)) add(name, file);
  }
  return used;
};

const FunctionConfigJson = z.object({
  permissions: z.object({ openapi: z.array(z.string()) }),
  triggers: z.optional(z.array(z.object({ name: z.string(), type: z.string(), config: z.string() }))),
});

// Memory sizes a CloudBase function can be given, in MB.
const MEMORY_SIZES = [64, 128, 256, 512, 1024, 2048];
// SCF timer names: a letter, then letters, digits, - or _, at most 60 characters.
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

const functionFolders = dirs(source).filter((name) => !name.startsWith('_'));

const readConfig = (name: string): z.infer<typeof FunctionConfigJson> | undefined => {
  const file = join(source, name, 'config.json');
  if (!existsSync(file)) return undefined;
  const parsed = FunctionConfigJson.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
};

const cronError = (pattern: string): string | undefined => {
  try {
    new Cron(pattern, { paused: true });
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

const triggerProblems = (where: string, t: { name: string; type: string; config: string }): string[] => {
  const fields = t.config.trim().split(/\s+/).length;
  const error = cronError(t.config);
  return [
    ...(t.type === 'timer' ? [] : [`${where}: type "${t.type}" (only timer)`]),
    ...(TRIGGER_NAME.test(t.name) ? [] : [`${where}: invalid trigger name`]),
    ...(fields === 7 ? [] : [`${where}: "${t.config}" has ${fields} fields, WeChat needs 7`]),
    ...(error ? [`${where}: "${t.config}" does not parse: ${error}`] : []),
  ];
};

describe('collections: declared exactly as the code uses them', () => {
  it('finds collection names in the code at all (the scan itself works)', () => {
    expect(usedCollections().size).toBeGreaterThan(3);
  });

  it('every collection the server code, the seed or a model names is declared', () => {
    const undeclared = [...usedCollections()]
      .filter(([name]) => !(name in manifest.collections))
      .map(([name, where]) => `${name} (used in ${where.join(', ')})`);
    expect(undeclared).toEqual([]);
  });

  it('every declared collection is used somewhere', () => {
    const used = usedCollections();
    expect(Object.keys(manifest.collections).filter((name) => !used.has(name))).toEqual([]);
  });

  it('index names are unique within a collection', () => {
    const duplicated = Object.entries(manifest.collections).flatMap(([name, c]) =>
      c.indexes.map((i) => i.name).filter((n, i, all) => all.indexOf(n) !== i).map((n) => `${name}.${n}`),
    );
    expect(duplicated).toEqual([]);
  });
});

describe('functions: limits in the manifest, permissions and triggers in config.json', () => {
  it('has at least one function folder', () => {
    expect(functionFolders.length).toBeGreaterThan(0);
  });

  it('every function folder has a manifest entry with a timeout of 1–60 s and a valid memory size', () => {
    // Without an entry CloudBase would give the function its default 3 s timeout.
    const problems = functionFolders.flatMap((name) => {
      const limits = manifest.functions[name];
      if (!limits) return [`${name}: no entry in manifest.functions`];
      return [
        ...(Number.isInteger(limits.timeout) && limits.timeout >= 1 && limits.timeout <= 60 ? [] : [`${name}: timeout ${limits.timeout}`]),
        ...(MEMORY_SIZES.includes(limits.memorySize) ? [] : [`${name}: memorySize ${limits.memorySize}`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('every manifest function has a source folder', () => {
    expect(Object.keys(manifest.functions).filter((name) => !functionFolders.includes(name))).toEqual([]);
  });

  it('every function has a config.json declaring permissions.openapi as an array', () => {
    const problems = functionFolders.flatMap((name) => {
      const file = join(source, name, 'config.json');
      if (!existsSync(file)) return [`${name}: no config.json`];
      const parsed = FunctionConfigJson.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? [] : [`${name}: ${parsed.error.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('every trigger is a named timer with a valid 7-field WeChat cron, at most one per function', () => {
    const problems = functionFolders.flatMap((name) => {
      const triggers = readConfig(name)?.triggers ?? [];
      const tooMany = triggers.length > 1 ? [`${name}: ${triggers.length} triggers (CloudBase allows one per function)`] : [];
      return [...tooMany, ...triggers.flatMap((t) => triggerProblems(`${name}/${t.name}`, t))];
    });
    expect(problems).toEqual([]);
  });

  it('issue 16: the functions with a timer trigger are exactly the timer functions (TIMER_FUNCTIONS), each every minute with the platform limits', () => {
    // One trigger per function (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/triggers.html:
    // "目前仅支持一个触发器"): the areas' sweeps run in a function of their own, not on a second trigger of `reminders`.
    const timed = functionFolders.filter((name) => (readConfig(name)?.triggers ?? []).some((t) => t.type === 'timer'));
    expect(timed.sort()).toEqual([...TIMER_FUNCTIONS].sort());
    for (const fn of TIMER_FUNCTIONS) {
      expect(readConfig(fn)?.triggers).toEqual([{ name: 'every-minute', type: 'timer', config: '0 */1 * * * * *' }]);
      expect(manifest.functions[fn]).toEqual(manifest.functions.reminders);
    }
  });
});

describe('security rules deny by default', () => {
  it('clients write no collection directly and read none but signals', () => {
    const problems = Object.entries(manifest.collections).flatMap(([name, { rule }]) => [
      ...(rule.write === false ? [] : [`${name}: write ${JSON.stringify(rule.write)}`]),
      ...(rule.read === (name === 'signals') ? [] : [`${name}: read ${JSON.stringify(rule.read)}`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('issue 12.2: clients write only files they own and read none; files reach people only by links a function issues', () => {
    expect(manifest.storage.rule).toEqual({ read: false, write: 'resource.openid == auth.openid' });
  });

  it('each environment takes its env id from its own variable', () => {
    const vars = Object.values(manifest.environments).map((e) => e.envIdFrom);
    expect(new Set(vars).size).toBe(vars.length);
  });
});

const builtBundle = (name: string): string => {
  const file = join(dist, name, 'index.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:functions\` first`);
  return readFileSync(file, 'utf8');
};

/**
 * The WeChat open APIs a bundle calls: minifying keeps property names, so a call of `wechat.checkText(`
 * in any source the bundle kept shows as `.checkText(`; the calls' implementations are object keys.
 */
const openapiCalls = (bundle: string): string[] =>
  Object.entries(OPENAPI_PERMISSIONS)
    .filter(([method]) => bundle.includes(`.${method}(`))
    .map(([, permission]) => permission)
    .sort();

describe('built functions', () => {
  it('dist/cloudfunctions holds exactly the manifest functions', () => {
    if (!existsSync(dist)) throw new Error('dist/cloudfunctions is missing: run `npm run build:functions` (or `npm run build:weapp`) first');
    expect(dirs(dist).sort()).toEqual(Object.keys(manifest.functions).sort());
  });

  it('each function declares exactly the open APIs its bundle calls (a cloud call without its permission fails with -604101)', () => {
    const wrong = functionFolders.flatMap((name) => {
      const declared = [...(readConfig(name)?.permissions.openapi ?? [])].sort();
      const called = openapiCalls(builtBundle(name));
      return JSON.stringify(declared) === JSON.stringify(called) ? [] : [`${name}: declares ${declared.join(', ') || 'none'}, calls ${called.join(', ') || 'none'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('issue 13 (1.9): the functions that file residents\' text and photos, and the timer that retries, may make the content checks', () => {
    for (const name of ['repairs', 'complaints', 'callbacks-complaints', 'reminders']) {
      expect(readConfig(name)?.permissions.openapi).toEqual(expect.arrayContaining(['security.msgSecCheck', 'security.mediaCheckAsync']));
    }
  });
});

describe('message pushes', () => {
  it('issue 13 (1.9): the image checks\' verdicts (wxa_media_check) are routed to a declared function with no trigger', () => {
    const route = manifest.messagePush.find((r) => r.msgType === 'event' && r.event === 'wxa_media_check');
    expect(route).toBeDefined();
    expect(Object.keys(manifest.functions)).toContain(route?.functionName);
    expect(readConfig(route?.functionName ?? '')?.triggers ?? []).toEqual([]);
  });

  it('each <message type, event> pair goes to one function only, as the console allows', () => {
    const pairs = manifest.messagePush.map((r) => `${r.msgType}/${r.event}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
