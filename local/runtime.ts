import { createEngine, installLocalDatabase, loadManifest, type Engine } from './db';
import type { Caller, Deps } from '../cloudfunctions/_shared/deps';
import type { Database } from '../cloudfunctions/_shared/database';
import type { Clock } from '@shared/time/shanghai';
import { DEMO_ROBOT_KEY, seedDemo } from './seed';
import { localWeChat, withPermissions, type LocalPush } from './wechat';
import { cloudCallPermissions } from './functions';
import { MessagePushRoute } from '../scripts/deploy-manifest';
import { createFileStore } from './storage';
import { checkCallData, functionTimeouts, withinTimeout } from './platform-limits';
import type { SubscribeMessage } from '../cloudfunctions/_shared/wechat';
import { localPoster, startLocalRobot } from './robot';

export type FunctionHandle = (event: unknown, caller: Caller, deps: Deps) => Promise<unknown>;

export interface RuntimeOptions {
  dataDir: string | null;
  functions: Record<string, FunctionHandle>;
  now?: Clock;
  seed?: boolean;
  /** What members.bootstrap accepts here (Deps.bootstrapSecret); none: bootstrap is refused. */
  bootstrapSecret?: string | null;
  /** Where the local WeCom robot listens (0: any free port); the demo property's robot is there. */
  robotPort?: number;
  /** The cloud calls registered per function; by default each config.json's, as a DevTools upload registers them. */
  registeredCloudCalls?: Record<string, string[]>;
  /** Tests only: collections whose status changes must commit their event in the same write (`EngineOptions.checkStatusEvents`). */
  checkStatusEvents?: readonly string[];
}

/**
 * The local stand-in for a CloudBase environment: the real wx-server-sdk reaching an embedded engine
 * through the SDK's request seam, the functions' handlers, and a WeCom robot on this machine.
 * Each invocation gets its caller passed in, so concurrent callers never share identity.
 */
export const createRuntime = async (options: RuntimeOptions) => {
  const now = options.now ?? (() => new Date());
  const engine: Engine = createEngine({ manifest: loadManifest(), dataDir: options.dataDir, now, checkStatusEvents: options.checkStatusEvents });
  const uninstall = installLocalDatabase(engine);
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: 'local' });
  const db = cloud.database() as unknown as Database;
  const robot = await startLocalRobot(now, options.robotPort);
  const subscribeMessages: (SubscribeMessage & { at: string })[] = [];
  const files = createFileStore(options.dataDir, now);
  const pushes: LocalPush[] = [];
  const fetchMedia = (url: string) => {
    const served = files.serve(new URL(url, 'http://127.0.0.1').searchParams);
    return 'bytes' in served ? served.bytes : null;
  };
  const deps: Deps = {
    db,
    now,
    postWebhook: localPoster,
    bootstrapSecret: options.bootstrapSecret ?? null,
    wechat: localWeChat({ sent: subscribeMessages, now, pushes, fetchMedia }),
    files: files.seam,
    miniProgramVersion: 'develop',
  };
  const close = (): void => {
    uninstall();
    engine.close();
    robot.close();
  };
  try {
    if ((options.seed ?? true) && engine.isEmpty()) await seedDemo(db, now(), robot.urlFor(DEMO_ROBOT_KEY));
    await engine.flush();
  } catch (error) {
    close();
    throw error;
  }

  // Each function makes only the cloud calls its config.json declares, as in the cloud.
  const permissions = options.registeredCloudCalls ?? cloudCallPermissions();
  const timeouts = functionTimeouts();
  /**
   * Runs a function as the platform would: call data within its limit, only its declared cloud calls,
   * the answer within the function's timeout, and every write it made on disk before its answer leaves.
   */
  const invoke = async (name: string, event: unknown, caller: Caller): Promise<unknown> => {
    const handle = Object.hasOwn(options.functions, name) ? options.functions[name] : undefined;
    const timeout = timeouts[name];
    if (!handle) throw new Error(`no cloud function named ${name}`);
    if (timeout === undefined) throw new Error(`cloud function ${name} has no timeout in cloudfunctions/manifest.json, so it cannot be deployed`);
    checkCallData(event);
    const granted = { ...deps, ...(deps.wechat ? { wechat: withPermissions(deps.wechat, permissions[name] ?? []) } : {}) };
    return withinTimeout(name, timeout, handle(event, caller, granted).finally(() => engine.flush()));
  };

  /**
   * WeChat's message pushes (the content checker's verdicts) waiting so far, each delivered to the
   * function the manifest's messagePush routes its event to, as the cloud console's setting would.
   */
  const routes = MessagePushRoute.array().parse((engine.manifest as { messagePush?: unknown }).messagePush ?? []);
  const deliverPushes = async (): Promise<number> => {
    const due = pushes.splice(0, pushes.length);
    for (const push of due) {
      const route = routes.find((r) => r.msgType === push.event.MsgType && r.event === push.event.Event);
      if (route) await invoke(route.functionName, push.event, { openid: push.openid });
    }
    return due.length;
  };

  return { engine, db, deps, invoke, webhookPosts: robot.posts, subscribeMessages, files, pushes, deliverPushes, close };
};

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
