// npm start: build the cloud functions and the H5 client, then run the local system.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.SKIP_BUILD) {
  run('npm', ['run', 'build:functions']);
  run('npm', ['run', 'build:h5']);
}
run('npx', ['tsx', 'local/main.ts']);
