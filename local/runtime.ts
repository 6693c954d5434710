import { createEngine, installLocalDatabase, loadManifest, type Engine } from './db';
import type { Caller, Deps } from '../cloudfunctions/_shared/deps';
import type { Database } from '../cloudfunctions/_shared/database';
import type { Clock } from '@shared/time/shanghai';
import { seedDemo } from './seed';
import { localWeChat } from './wechat';
import { createFileStore } from './storage';
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
  if (options.seed ?? true) await seedDemo(db, now());

  const invoke = async (name: string, event: unknown, caller: Caller): Promise<unknown> => {
    const handle = Object.hasOwn(options.functions, name) ? options.functions[name] : undefined;
    if (!handle) throw new Error(`no cloud function named ${name}`);
    return handle(event, caller, deps);
  };

  return { engine, db, deps, invoke, webhookPosts, subscribeMessages, files, close: uninstall };
};

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
