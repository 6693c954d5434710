import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LIMIT = 2 * 1024 * 1024;

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Bytes of the weapp main package and of each subpackage, as WeChat counts them against 2 MB each. */
export const weappPackages = (weappDir: string): { name: string; bytes: number }[] => {
  if (!existsSync(join(weappDir, 'app.json'))) throw new Error(`${weappDir}/app.json missing: run npm run build:weapp`);
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const file of walk(weappDir)) {
    const rel = relative(weappDir, file);
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
};
