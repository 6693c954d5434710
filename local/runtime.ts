import { createEngine, installLocalDatabase, loadManifest, type Engine } from './db';
import type { Caller, Deps } from '../cloudfunctions/_shared/deps';
import type { Database } from '../cloudfunctions/_shared/database';
import type { Clock } from '@shared/time/shanghai';
import { seedDemo } from './seed';
import { localWeChat } from './wechat';
import { createFileStore } from './storage';
import { checkCallData, functionTimeouts, withinTimeout } from './platform-limits';
import type { SubscribeMessage } from '../cloudfunctions/_shared/wechat';

export type FunctionHandle = (event: unknown, caller: Caller, deps: Deps) => Promise<unknown>;

export interface WebhookPost {
  url: string;
  body: unknown;
  at: string;
}

export interface RuntimeOptions {
  dataDir: string | null;
  functions: Record<string, FunctionHandle>;
  now?: Clock;
  seed?: boolean;
  /** What members.bootstrap accepts here (Deps.bootstrapSecret); none: bootstrap is refused. */
  bootstrapSecret?: string | null;
}

/**
 * The local stand-in for a CloudBase environment: the real wx-server-sdk reaching an embedded engine
 * through the SDK's request seam, the functions' handlers, and a recorder in place of the WeCom robot.
 * Each invocation gets its caller passed in, so concurrent callers never share identity.
 */
export const createRuntime = async (options: RuntimeOptions) => {
  const now = options.now ?? (() => new Date());
  const engine: Engine = createEngine({ manifest: loadManifest(), dataDir: options.dataDir, now });
  const uninstall = installLocalDatabase(engine);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: 'local' });
  const db = cloud.database() as unknown as Database;
  const webhookPosts: WebhookPost[] = [];
  const subscribeMessages: (SubscribeMessage & { at: string })[] = [];
  const files = createFileStore(options.dataDir);
  const deps: Deps = {
    db,
    now,
    postWebhook: async (url, body) => {
      webhookPosts.push({ url, body, at: now().toISOString() });
    },
    bootstrapSecret: options.bootstrapSecret ?? null,
    wechat: localWeChat(subscribeMessages, now),
    files: { remove: async (ids) => files.remove(ids) },
  };
  const close = (): void => {
    uninstall();
    engine.close();
  };
  try {
    if ((options.seed ?? true) && engine.isEmpty()) await seedDemo(db, now());
    await engine.flush();
  } catch (error) {
    close();
    throw error;
  }

  const timeouts = functionTimeouts();
  /**
   * Runs a function as the platform would: call data within its limit, the answer within the
   * function's timeout, and every write it made on disk before its answer leaves.
   */
  const invoke = async (name: string, event: unknown, caller: Caller): Promise<unknown> => {
    const handle = options.functions[name];
    const timeout = timeouts[name];
    if (!handle) throw new Error(`no cloud function named ${name}`);
    if (timeout === undefined) throw new Error(`cloud function ${name} has no timeout in cloudfunctions/manifest.json, so it cannot be deployed`);
    checkCallData(event);
    return withinTimeout(name, timeout, handle(event, caller, deps).finally(() => engine.flush()));
  };

  return { engine, db, deps, invoke, webhookPosts, subscribeMessages, files, close };
};

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
