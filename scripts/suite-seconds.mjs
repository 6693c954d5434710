// node scripts/suite-seconds.mjs <jest --json output>: rewrites tests/suite-seconds.json (the order
// tests/sequencer.js runs suites in) from a full run's measured durations; suites under 5 s are left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const measured = run.testResults
  .map((r) => [relative(root, r.name), Math.round((r.endTime - r.startTime) / 1000)])
  .filter(([, s]) => s >= 5)
  .sort((a, b) => b[1] - a[1]);
const note = 'Seconds each slow suite took in a full run (relative figures; refresh with node scripts/suite-seconds.mjs <jest --json output>). tests/sequencer.js starts the longest first.';
writeFileSync(resolve(root, 'tests/suite-seconds.json'), `${JSON.stringify({ _: note, ...Object.fromEntries(measured) }, null, 1)}\n`);
console.log(`${measured.length} suites written`);
