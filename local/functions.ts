import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FunctionHandle } from './runtime';

export const root = resolve(__dirname, '..');
const built = join(root, 'dist', 'cloudfunctions');

/** The bundles `npm run build:functions` made: the same files that are deployed. */
export const loadBuiltFunctions = (): Record<string, FunctionHandle> => {
  if (!existsSync(built)) throw new Error('dist/cloudfunctions is missing: run npm run build:functions');
  const entries = readdirSync(built).map((name) => {
    const mod = require(join(built, name, 'index.js')) as { handle: FunctionHandle };
    return [name, mod.handle] as const;
  });
  return Object.fromEntries(entries);
};

export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: string;
}

const TriggerFile = (raw: unknown): { name: string; type: string; config: string }[] =>
  ((raw as { triggers?: unknown }).triggers as { name: string; type: string; config: string }[] | undefined) ?? [];

const functionConfigs = (): [string, unknown][] => {
  const source = join(root, 'cloudfunctions');
  return readdirSync(source)
    .filter((name) => !name.startsWith('_') && existsSync(join(source, name, 'config.json')))
    .map((name) => [name, JSON.parse(readFileSync(join(source, name, 'config.json'), 'utf8')) as unknown]);
};

/** Each function's cloud-call permissions, as its config.json declares them for WeChat. */
export const cloudCallPermissions = (): Record<string, string[]> =>
  Object.fromEntries(functionConfigs().map(([name, raw]) => [name, ((raw as { permissions?: { openapi?: string[] } }).permissions?.openapi ?? []).slice()]));

/** Timer triggers exactly as each function's config.json declares them for WeChat. */
export const timerTriggers = (): TimerTrigger[] =>
  functionConfigs().flatMap(([name, raw]) =>
    TriggerFile(raw)
      .filter((t) => t.type === 'timer')
      .map((t) => ({ functionName: name, name: t.name, cron: t.config })),
  );
