// npm test: build what the tests load (cloud-function bundles, the H5 and weapp builds),
// type-check, lint, then run every jest project: domain, database, functions, client, builds, e2e.
//
// CI has 2 cores and 20 minutes. The two client builds, the type-check and the lint do not depend
// on each other, so they run side by side (each one's output is printed whole when it ends); jest
// runs two workers, since an e2e file spends most of its time waiting on Chromium and the local
// server rather than on its own worker. Three (clean clone, 2026-12-07: jest 740 and 818 s, against
// 814 and 859 s with two) gained about the runs' spread, and on a third run their contention made a
// check that followed a window resize fail: two stays the default; JEST_WORKERS overrides.
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

const together = async (steps) => {
  console.log(`\n▶ ${steps.map((s) => s.title).join(', ')} (side by side)`);
  const ran = await Promise.all(
    steps.map(
      ({ title, cmd, args, opts = {} }) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('close', (status) => {
            console.log(`\n── ${title}: ${status === 0 ? 'done' : 'FAILED'} at ${seconds()}`);
            process.stdout.write(Buffer.concat(output));
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
step('jest', 'npx', ['jest', '--ci', `--maxWorkers=${process.env.JEST_WORKERS ?? 2}`, ...process.argv.slice(2)]);
console.log(`\n✔ npm test took ${seconds()}`);
