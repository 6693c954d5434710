import * as cloud from 'wx-server-sdk';
import type { Clock } from '@shared/time/shanghai';
import { versionFromVars, type MiniProgramVersion } from '@shared/domain/mini-program-version.rules';

import type { Database } from './database';
import { cloudWeChat, type WeChatApi } from './wechat';
import { postToRobot } from './robot';

export type { Database };

/** Who is calling, read once at the function's entry from the platform (never from the event). */
export interface Caller {
  openid: string;
}

/** Everything an action touches outside itself, passed in so tests and the local runtime can supply their own. */
export interface Deps {
  db: Database;
  now: Clock;
  /** Sends a notice to a WeCom group robot; resolves when WeCom answered errcode 0, rejects otherwise (with its errCode). */
  postWebhook: (url: string, body: unknown) => Promise<void>;
  /**
   * The secret that lets a new environment's first manager bootstrap (members.bootstrap); null or
   * absent: bootstrap is refused. In the cloud it is the members function's environment variable
   * BOOTSTRAP_SECRET, set in the CloudBase console for the bootstrap and removed afterwards; it is
   * never in the code, the manifest or the database.
   */
  bootstrapSecret?: string | null;
  /** WeChat's open APIs (phone numbers, mini-program codes); absent where a function needs none. */
  wechat?: WeChatApi;
  /**
   * Issue 13: the mini-program version this environment serves, from the MINIPROGRAM_VERSION
   * variable the deploy sets; null when it is missing (the open APIs then use WeChat's default,
   * the released version, and the smoke check reports it).
   */
  miniProgramVersion?: MiniProgramVersion | null;
  /** Cloud storage, for what functions do to files themselves (PIPL erasure deletes a person's photos). */
  files?: { remove(fileIds: readonly string[]): Promise<void> };
}

/** cloud.deleteFile takes at most 50 files a call. */
const DELETE_BATCH = 50;
const cloudFiles = { remove: async (fileIds: readonly string[]) => {
  for (let i = 0; i < fileIds.length; i += DELETE_BATCH) await cloud.deleteFile({ fileList: fileIds.slice(i, i + DELETE_BATCH) });
} };

let initialised = false;
const initCloud = () => {
  if (initialised) return;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  initialised = true;
};

/** The dependencies a deployed function runs with. The local runtime builds the same shape itself. */
export const platformDeps = (): Deps => {
  initCloud();
  const miniProgramVersion = versionFromVars(process.env);
  return {
    db: cloud.database() as unknown as Database,
    now: () => new Date(),
    postWebhook: postToRobot,
    bootstrapSecret: process.env.BOOTSTRAP_SECRET || null,
    wechat: cloudWeChat(miniProgramVersion ?? 'release'),
    miniProgramVersion,
    files: cloudFiles,
  };
};

/** In the cloud each invocation has its own OPENID, read from the context at the entry point. */
export const platformCaller = (): Caller => ({ openid: cloud.getWXContext().OPENID ?? '' });
