import * as z from 'zod/mini';
import { createEngine, DOCUMENT_WRITES, installLocalDatabase, loadManifest, type Engine } from './db';
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
import { isErrorBody } from './db/errors';
import { measureCalls, metered, meteredFiles, meteredWeChat, type CallCount } from './call-meter';
import { withFaults } from './faults';

/** Requests that commit a change: a transaction's commit, or a document write sent outside any transaction. */
const commits = (action: string, params: Record<string, unknown>) => action === 'database.commitTransaction' || (DOCUMENT_WRITES.has(action) && !params.transactionId);

/** One function call's outbound calls, as `watchCalls` hands them over. */
export interface CallsOf {
  fn: string;
  event: unknown;
  caller: Caller;
  result: unknown;
  calls: CallCount;
}

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
  // Every database request is counted against the function call that sent it (local/call-meter.ts).
  const uninstall = installLocalDatabase({
    handle: withFaults((action, params = {}) =>
      metered(
        action,
        () => engine.handle(action, params),
        (answer) => commits(action, params) && !isErrorBody(answer),
        String(params.collectionName ?? ''),
        Boolean(params.transactionId) && !action.endsWith('Transaction'),
      ),
    ),
  });
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
    postWebhook: (url, body) => metered('robot.post', () => localPoster(url, body)),
    bootstrapSecret: options.bootstrapSecret ?? null,
    wechat: meteredWeChat(localWeChat({ sent: subscribeMessages, now, pushes, fetchMedia })),
    files: meteredFiles(files.seam),
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
    let result: unknown;
    // Counting tracks async context (AsyncLocalStorage), which slows every promise: only while someone watches.
    const run = watchers.size
      ? measureCalls(
        async () => (result = await handle(event, caller, granted)),
        (calls) => watchers.forEach((watch) => watch({ fn: name, event, caller, result, calls })),
      )
      : handle(event, caller, granted);
    return withinTimeout(name, timeout, run.finally(() => engine.flush()));
  };

  const watchers = new Set<(calls: CallsOf) => void>();
  /** Hands each function call's outbound calls to `watch` once it settles; returns the function that stops it. */
  const watchCalls = (watch: (calls: CallsOf) => void): (() => void) => {
    watchers.add(watch);
    return () => watchers.delete(watch);
  };

  /**
   * WeChat's message pushes (the content checker's verdicts) waiting so far, each delivered to the
   * function the manifest's messagePush routes its event to, as the cloud console's setting would.
   */
  const routes = z.array(MessagePushRoute).parse((engine.manifest as { messagePush?: unknown }).messagePush ?? []);
  const deliverPushes = async (): Promise<number> => {
    const due = pushes.splice(0, pushes.length);
    for (const push of due) {
      const route = routes.find((r) => r.msgType === push.event.MsgType && r.event === push.event.Event);
      if (route) await invoke(route.functionName, push.event, { openid: push.openid });
    }
    return due.length;
  };

  return { engine, db, deps, invoke, watchCalls, webhookPosts: robot.posts, subscribeMessages, files, pushes, deliverPushes, close };
};

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
