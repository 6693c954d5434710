/**
 * `npm start`: the whole system on this machine. The built cloud functions run against the embedded
 * database in DATA_DIR (default .data/, one SQLite file), the H5 build is served at the printed URL
 * (PORT, default 8787; 0 picks a free port), and timer triggers fire on the schedules their
 * config.json declares. H5_DIR serves another H5 build (tests point it at a stub page).
 */
import { join, resolve } from 'node:path';
import { DatabaseUnusable } from './db';
import { createRuntime } from './runtime';
import { loadBuiltFunctions, root, timerTriggers } from './functions';
import { scheduleTimers, timerEvent } from './timers';
import { startServer } from './server';
import { faultyClock, stoppedTimer } from './faults';

/**
 * The secret members.bootstrap accepts on this machine: BOOTSTRAP_SECRET, or this local-only
 * default when it is unset. A deployed function has no default: there it reads only its own
 * BOOTSTRAP_SECRET environment variable (see cloudfunctions/_shared/deps.ts) and refuses without one.
 * The demo property already has a manager, so to try a bootstrap start with an empty data
 * directory and SEED=0.
 */
const LOCAL_BOOTSTRAP_SECRET = 'local-bootstrap-secret';

/** How long after a submission the local content checker's verdicts arrive (WeChat: within 30 minutes). */
const PUSH_DELAY_MS = 3_000;

const main = async () => {
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
  const port = Number(process.env.PORT ?? 8787);
  const clock = faultyClock();
  const runtime = await createRuntime({
    dataDir,
    functions: loadBuiltFunctions(),
    seed: process.env.SEED !== '0',
    bootstrapSecret: process.env.BOOTSTRAP_SECRET || LOCAL_BOOTSTRAP_SECRET,
    // A fixed port, so the robot address the demo property was seeded with still answers after a restart.
    robotPort: Number(process.env.ROBOT_PORT ?? 8788),
    // LOCAL_FAULT=clock-behind:<minutes> (local/faults.ts): a test's wrongly set clock; the machine's otherwise.
    ...(clock ? { now: clock } : {}),
  });
  const server = await startServer({ runtime, h5Dir: resolve(process.env.H5_DIR ?? join(root, 'client', 'dist', 'h5')), dataDir, port });
  // LOCAL_FAULT=timer-stopped:<function> (local/faults.ts): that timer function's triggers never fire.
  const stopped = stoppedTimer();
  const timers = scheduleTimers(timerTriggers().filter((t) => t.functionName !== stopped), async (trigger, at) => {
    await runtime.invoke(trigger.functionName, timerEvent(trigger, at), { openid: '' });
  });
  // WeChat pushes the image checks' verdicts some time after the submission; here a few seconds later.
  const pushes = setInterval(() => void runtime.deliverPushes().catch((e: unknown) => console.error('[pushes]', e)), PUSH_DELAY_MS);
  console.log(`物业客服接待中心 running locally: ${server.url}`);
  console.log(`  data: ${dataDir} (back it up while running: npm run backup)`);
  for (const { trigger, next } of timers.next()) console.log(`  timer ${trigger?.functionName}/${trigger?.name} (${trigger?.cron}) next ${next?.toISOString()}`);
  const stop = async () => {
    timers.stop();
    clearInterval(pushes);
    await server.close();
    runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
};

main().catch((e: unknown) => {
  if (e instanceof DatabaseUnusable) console.error(e.message);
  else console.error(e);
  process.exit(e instanceof DatabaseUnusable ? 2 : 1);
});
