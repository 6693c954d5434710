import * as cloud from 'wx-server-sdk';
import type { Clock } from '@shared/time/shanghai';
import { versionFromVars, type MiniProgramVersion } from '@shared/domain/mini-program-version.rules';

import type { Database } from './database';
import { cloudWeChat, errCodeOf, type WeChatApi } from './wechat';
import { pathOfFileId } from './storage';
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
  /** Cloud storage, which clients cannot read: functions hand out its files and read them themselves. */
  files: Files;
  /**
   * Issue 13: the mini-program version this environment serves, from the MINIPROGRAM_VERSION
   * variable the deploy sets; null when it is missing (the open APIs then use WeChat's default,
   * the released version, and the smoke check reports it).
   */
  miniProgramVersion?: MiniProgramVersion | null;
}

/** What functions do with stored files. Functions have full access; the storage rule binds clients only. */
export interface Files {
  /** cloud.deleteFile (PIPL erasure deletes a person's photos and signatures). */
  remove(fileIds: readonly string[]): Promise<void>;
  /** cloud.getTempFileURL: at most 50 files a call, each URL valid `maxAgeSeconds`; '' for a file that cannot be linked. */
  tempUrls(fileIds: readonly string[], maxAgeSeconds: number): Promise<string[]>;
  /** cloud.downloadFile: the file's bytes, or null when there is no such file (any other failure is thrown). */
  download(fileId: string): Promise<Buffer | null>;
  /** cloud.downloadFile then cloud.uploadFile to the path of `to`, in the same bucket; false when `from` cannot be read. */
  copy(from: string, to: string): Promise<boolean>;
  /** cloud.uploadFile of bytes a function made (an export) to `cloudPath`; the new file's id. */
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
}

type TempFile = { fileID: string; tempFileURL: string; status: number };

/** The part of wx-server-sdk used for storage (its calls as the SDK takes them). */
export interface CloudStorage {
  deleteFile(params: { fileList: string[] }): Promise<unknown>;
  getTempFileURL(params: { fileList: { fileID: string; maxAge: number }[] }): Promise<unknown>;
  downloadFile(params: { fileID: string }): Promise<{ fileContent: Buffer }>;
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
}

/**
 * The SDK's answer for a file that is not there (wx-server-sdk's TCB_ERR_CODE.STORAGE_FILE_NONEXIST:
 * https://docs.cloudbase.net/en/error-code/STORAGE_FILE_NONEXIST): wrong path, deleted, or not readable.
 */
export const STORAGE_FILE_NONEXIST = -503003;

/** cloud.deleteFile takes at most 50 files a call. */
const DELETE_BATCH = 50;

/** Cloud storage through the SDK. A file that is not there reads as null; any other failure is thrown as it came. */
export const cloudFiles = (storage: CloudStorage = cloud as unknown as CloudStorage): Files => {
  // https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/storage/downloadFile/server.downloadFile.md
  const download = async (fileID: string): Promise<Buffer | null> => {
    try {
      return (await storage.downloadFile({ fileID })).fileContent;
    } catch (e) {
      if (errCodeOf(e) === STORAGE_FILE_NONEXIST) return null;
      throw e;
    }
  };
  return {
    // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/Cloud.deleteFile.html: the call
    // succeeds as a whole and answers each file's own status (0 for deleted). A file that could not be deleted
    // is thrown, so whoever deletes (erasure, the exports' retention) tries again rather than recording it gone;
    // a file already gone counts as deleted.
    remove: async (fileIds) => {
      for (let i = 0; i < fileIds.length; i += DELETE_BATCH) {
        const res = (await storage.deleteFile({ fileList: fileIds.slice(i, i + DELETE_BATCH) })) as { fileList?: { fileID: string; status: number; errMsg?: string }[] } | undefined;
        const failed = (res?.fileList ?? []).filter((f) => f.status !== 0 && f.status !== STORAGE_FILE_NONEXIST);
        if (failed.length) throw new Error(`deleteFile: ${failed.length} not deleted: ${failed.map((f) => `${f.fileID} (${f.status} ${f.errMsg ?? ''})`).join(', ')}`);
      }
    },
    // https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-server-api/storage/getTempFileURL.html
    tempUrls: async (fileIds, maxAgeSeconds) => {
      const res = (await storage.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })) as { fileList?: TempFile[] } | undefined;
      const byId = new Map((res?.fileList ?? []).map((f) => [f.fileID, f.status === 0 ? f.tempFileURL : '']));
      return fileIds.map((id) => byId.get(id) ?? '');
    },
    download,
    copy: async (from, to) => {
      const bytes = await download(from);
      const cloudPath = pathOfFileId(to);
      if (!bytes || !cloudPath) return false;
      await storage.uploadFile({ cloudPath, fileContent: bytes });
      return true;
    },
    // https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/storage/uploadFile/server.uploadFile.md
    upload: async (cloudPath, bytes) => (await storage.uploadFile({ cloudPath, fileContent: bytes })).fileID,
  };
};

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
    files: cloudFiles(),
  };
};

/** In the cloud each invocation has its own OPENID, read from the context at the entry point. */
export const platformCaller = (): Caller => ({ openid: cloud.getWXContext().OPENID ?? '' });
