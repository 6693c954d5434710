// npm test: build what the tests load (cloud-function bundles, the H5 and weapp builds),
// type-check, lint, then run every jest project: domain, database, functions, client, builds, e2e.
import { spawnSync } from 'node:child_process';

const step = (title, cmd, args, opts = {}) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
};

step('build cloud functions', 'npx', ['tsx', 'scripts/build-functions.ts']);
step('build H5 client', 'npx', ['taro', 'build', '--type', 'h5'], { cwd: 'client' });
step('build weapp client', 'npx', ['taro', 'build', '--type', 'weapp'], { cwd: 'client' });
step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.']);
step('jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)]);
