// npm test: build what the tests load (cloud-function bundles, the H5 and weapp builds),
// type-check, lint, then run every jest project: domain, database, functions, client, builds, e2e.
//
// CI has 2 cores and 20 minutes. The two client builds, the type-check and the lint do not depend
// on each other, so they run side by side (each one's output is printed whole when it ends). Then
// two jest runs side by side: the e2e files on two workers, since an e2e file spends most of its
// time waiting on Chromium and the local server (staff-pc alone: 41 s of wall time for 21 s of CPU),
// and the domain, database, functions, build and client files, which keep a core busy, on one. With
// one run of two workers, two CPU-bound files often shared the two cores while the e2e waited
// (a clean clone's jest took 924 s, its files 1 837 s summed). A run given paths or JEST_WORKERS is
// one jest, as before.
import { spawn, spawnSync } from 'node:child_process';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

const step = (title, cmd, args, opts = {}) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
};

/** Steps at once; each one's output printed whole when it ends, or as it comes (`stream`: jest's, a line per file). */
const together = async (steps, { stream = false } = {}) => {
  console.log(`\n▶ ${steps.map((s) => s.title).join(', ')} (side by side)`);
  const ran = await Promise.all(
    steps.map(
      ({ title, cmd, args, opts = {} }) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { ...opts, stdio: stream ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout?.on('data', (chunk) => output.push(chunk));
          child.stderr?.on('data', (chunk) => output.push(chunk));
          child.on('close', (status) => {
            console.log(`\n── ${title}: ${status === 0 ? 'done' : 'FAILED'} at ${seconds()}`);
            if (!stream) process.stdout.write(Buffer.concat(output));
            resolve({ title, status });
          });
        }),
    ),
  );
  const failed = ran.filter((r) => r.status !== 0);
  if (failed.length) {
    console.error(`✖ ${failed.map((r) => r.title).join(', ')} failed`);
    process.exit(failed[0].status ?? 1);
  }
};

step('build cloud functions', 'npx', ['tsx', 'scripts/build-functions.ts']);
await together([
  { title: 'build H5 client', cmd: 'npx', args: ['taro', 'build', '--type', 'h5'], opts: { cwd: 'client' } },
  { title: 'build weapp client', cmd: 'npx', args: ['taro', 'build', '--type', 'weapp'], opts: { cwd: 'client' } },
  { title: 'type-check', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { title: 'lint', cmd: 'npx', args: ['eslint', '.'] },
]);
const given = process.argv.slice(2);
if (given.length || process.env.JEST_WORKERS) step('jest', 'npx', ['jest', '--ci', `--maxWorkers=${process.env.JEST_WORKERS ?? 2}`, ...given]);
else
  await together(
    [
      { title: 'jest: domain, database, functions, builds, client', cmd: 'npx', args: ['jest', '--ci', '--selectProjects', 'node', 'client', '--maxWorkers=1'] },
      { title: 'jest: e2e in Chromium', cmd: 'npx', args: ['jest', '--ci', '--selectProjects', 'e2e', '--maxWorkers=2'] },
    ],
    { stream: true },
  );
console.log(`\n✔ npm test took ${seconds()}`);
