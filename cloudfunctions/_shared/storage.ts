import { createHash } from 'node:crypto';
import type { MemberDoc } from '@shared/model/member.model';

/**
 * Where a member uploads: a folder named by the membership's id, which is opaque (no openid). The
 * storage rule lets a client write only files it owns and read none; the client names each file
 * with a random part inside this folder. A file in the folder is taken as the member's own: nobody
 * else is handed its id, since answers carry temporary URLs, never file ids.
 */
export const uploadFolderOf = (member: Pick<MemberDoc, '_id'>) => `uploads/${member._id}/`;

/** `uploads/<folder>/<name>.<ext>`: one folder level, a plain name, nothing that climbs out. */
const UPLOAD_PATH = /^uploads\/([A-Za-z0-9_-]{1,64})\/[A-Za-z0-9_-]{1,80}\.[a-z0-9]{1,5}$/;

/** The folder of an upload path, or null when the path is not one a client may upload to. */
export const uploadFolderOfPath = (path: string): string | null => UPLOAD_PATH.exec(path)?.[1] ?? null;

/** `cloud://<env>.<bucket>/<path>` → `<path>`; null when it is not a cloud file id. */
export const pathOfFileId = (fileId: string): string | null => /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1] ?? null;

/**
 * The file is the member's own upload: in their folder. Files uploaded before folders were named
 * by membership sit in `uploads/<openid>/`; a command a phone queued before that change still
 * names one, so the caller's own openid folder is accepted too (and never anyone else's).
 */
export const ownsFile = (member: Pick<MemberDoc, '_id' | 'openid'>, fileId: string): boolean => {
  const folder = uploadFolderOfPath(pathOfFileId(fileId) ?? '');
  return folder !== null && (folder === member._id || folder === member.openid);
};

/** Membership ids (the upload folders since issue 12) all start so; a folder named otherwise is an openid. */
const MEMBER_FOLDER = /^mb_/;

/**
 * Where an upload from before issue 12 (`uploads/<openid>/…`) is served from: a copy whose path
 * is a hash of the original id, so a link to it names no openid. Null for any other file.
 */
export const servedCopyOf = (fileId: string): string | null => {
  const path = pathOfFileId(fileId);
  const folder = uploadFolderOfPath(path ?? '');
  if (!path || !folder || MEMBER_FOLDER.test(folder)) return null;
  const hash = createHash('sha256').update(fileId).digest('hex').slice(0, 32);
  return `${fileId.slice(0, fileId.length - path.length)}uploads/moved/${hash}${/\.[a-z0-9]+$/.exec(path)?.[0] ?? ''}`;
};
