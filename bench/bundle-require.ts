/**
 * Issue 16: two builds of the cloud functions side by side, bytes and what requiring each bundle adds to
 * `require('wx-server-sdk')` + init (CPU and wall ms, medians of 11 fresh processes, every bundle of both
 * builds sampled in turn each round, so the machine's load drifts over both alike).
 *
 *   npx tsx bench/bundle-require.ts <before dir> [<after dir> = dist/cloudfunctions] [runs = 11]
 *
 * Keep a copy of dist/cloudfunctions before a change inside the repository, where the bundles find
 * wx-server-sdk (`cp -r dist/cloudfunctions dist/compare/before`), rebuild,
 * then compare. Prints figures; asserts nothing. A part of an area (issue 16: the registry's `parts`) with
 * no bundle of its name before is compared with its area's bundle before the split.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { coldRequire, COLD_REQUIRE_BUDGET_MS } from './cold-require';
import { FUNCTION_BUNDLE_BUDGET, FUNCTION_BUNDLE_EXCEPTED, KB } from './budgets';
import { deployedFunctions } from '@shared/areas';

const [before, after = join(__dirname, '..', 'dist', 'cloudfunctions'), runs = '11'] = process.argv.slice(2);
if (!before) throw new Error('usage: npx tsx bench/bundle-require.ts <before dir> [<after dir>] [runs]');
/** Absolute, as the sampling process requires them from elsewhere. */
const [beforeDir, afterDir] = [resolve(before), resolve(after)];

const index = (dir: string, name: string) => join(dir, name, 'index.js');
/** The bundle a function is compared with: its own name's before, or its area's for a part split off since. */
const beforeOf = (name: string) => (existsSync(index(beforeDir, name)) ? name : (deployedFunctions.find((f) => f.name === name)?.area ?? name));
const names = readdirSync(afterDir).filter((name) => !FUNCTION_BUNDLE_EXCEPTED.includes(name) && existsSync(index(beforeDir, beforeOf(name))));
const bundles = Object.fromEntries(names.flatMap((name) => [[`${beforeOf(name)}:before`, index(beforeDir, beforeOf(name))], [`${name}:after`, index(afterDir, name)]]));
const cold = coldRequire(bundles, Number(runs));
const of = (key: string) => cold.bundles.find((b) => b.name === key)!;
const kb = (bytes: number) => (bytes / KB).toFixed(1);

console.log(`bare require('wx-server-sdk') + init: ${cold.sdk.cpu.toFixed(1)} ms CPU, ${cold.sdk.wall.toFixed(1)} ms wall (median of every sample)`);
console.log(`function | KB before | KB after | adds ms CPU before | after | adds ms wall before | after | within ${FUNCTION_BUNDLE_BUDGET / KB} KB and ${COLD_REQUIRE_BUDGET_MS} ms`);
for (const name of names) {
  const [b, a] = [of(`${beforeOf(name)}:before`), of(`${name}:after`)];
  const bytes = statSync(index(afterDir, name)).size;
  console.log(
    [beforeOf(name) === name ? name : `${name} (${beforeOf(name)} before)`, kb(statSync(index(beforeDir, beforeOf(name))).size), kb(bytes), b.cpu.toFixed(1), a.cpu.toFixed(1), b.wall.toFixed(1), a.wall.toFixed(1),
      `${bytes <= FUNCTION_BUNDLE_BUDGET ? 'yes' : 'no'} / ${a.cpu <= COLD_REQUIRE_BUDGET_MS ? 'yes' : 'no'}`].join(' | '),
  );
}
