import { mkdirSync, readFileSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@shared/time/shanghai';
import type { Files } from '../cloudfunctions/_shared/deps';
import { pathOfFileId, uploadFolderOfPath } from '../cloudfunctions/_shared/storage';
import { LINK_BATCH } from '../cloudfunctions/_shared/file-links';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const types: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const BUCKET = 'cloud://local.local/';
const typeOf = (path: string) => types[(/\.([a-z0-9]+)$/i.exec(path)?.[1] ?? '').toLowerCase()];
const fileIdOf = (path: string) => `${BUCKET}${path}`;
const localPathOf = (fileId: string): string | null => (fileId.startsWith(BUCKET) ? pathOfFileId(fileId) : null);

export type UploadRefusal = 'path' | 'type' | 'size';
export type ServeRefusal = 'forbidden' | 'missing';

/**
 * Cloud storage stand-in, never kinder than the cloud: file ids `cloud://local.local/<path>`; a
 * client reads nothing by id (`read: false`); what functions hand out are temporary URLs, signed
 * with a secret made for this process and expiring by the runtime's clock, served at
 * `/api/storage/file`. The server lets a client upload only into its own folders, which is
 * stricter than the storage rule's "only files you own". Files live under the data folder, or in memory.
 */
export const createFileStore = (dir: string | null, now: Clock) => {
  const secret = randomBytes(32);
  const memory = new Map<string, Buffer>();
  /** Calls at the seam, as a cloud function would make them. */
  const calls = { tempUrls: 0, download: 0, copy: 0, remove: 0, upload: 0 };
  const fileOf = (path: string) => join(dir ?? '', 'files', path);

  const exists = (path: string) => (dir ? existsSync(fileOf(path)) : memory.has(path));
  const bytesOf = (path: string): Buffer | null => {
    if (!dir) return memory.get(path) ?? null;
    return existsSync(fileOf(path)) ? readFileSync(fileOf(path)) : null;
  };

  const write = (path: string, bytes: Buffer) => {
    if (!dir) return void memory.set(path, bytes);
    mkdirSync(dirname(fileOf(path)), { recursive: true });
    writeFileSync(fileOf(path), bytes);
  };

  /** A client's upload to `path`, which the server has checked is in one of the caller's own folders. */
  const upload = (path: string, bytes: Buffer): { fileID: string } | { error: UploadRefusal } => {
    if (!uploadFolderOfPath(path)) return { error: 'path' };
    if (!typeOf(path)) return { error: 'type' };
    if (bytes.length === 0 || bytes.length > MAX_UPLOAD_BYTES) return { error: 'size' };
    write(path, bytes);
    return { fileID: fileIdOf(path) };
  };

  const signatureOf = (path: string, expires: number) => createHmac('sha256', secret).update(`${path}\n${expires}`).digest('hex');

  /** The cloud's temporary URL: the file's path, its expiry and a signature over both. */
  const tempUrls: Files['tempUrls'] = async (fileIds, maxAgeSeconds) => {
    calls.tempUrls++;
    if (fileIds.length > LINK_BATCH) throw new Error(`getTempFileURL takes at most ${LINK_BATCH} files a call, got ${fileIds.length}`);
    const expires = Math.floor(now().getTime() / 1000) + maxAgeSeconds;
    return fileIds.map((id) => {
      const path = localPathOf(id);
      if (!path || path.includes('..') || !exists(path)) return '';
      return `/api/storage/file?${new URLSearchParams({ path, expires: String(expires), sign: signatureOf(path, expires) }).toString()}`;
    });
  };

  /** `/api/storage/file`: a URL a function issued, unaltered and not expired; nothing else. */
  const serve = (query: URLSearchParams): { bytes: Buffer; type: string } | { error: ServeRefusal } => {
    const path = query.get('path') ?? '';
    const expires = Number(query.get('expires'));
    const given = Buffer.from(query.get('sign') ?? '', 'hex');
    const expected = Buffer.from(signatureOf(path, expires), 'hex');
    if (!path || path.includes('..') || !Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'forbidden' };
    if (now().getTime() / 1000 > expires) return { error: 'forbidden' };
    const bytes = bytesOf(path);
    return bytes ? { bytes, type: typeOf(path) ?? 'application/octet-stream' } : { error: 'missing' };
  };

  const download: Files['download'] = async (fileId) => {
    calls.download++;
    const path = localPathOf(fileId);
    return path && !path.includes('..') ? bytesOf(path) : null;
  };

  const copy: Files['copy'] = async (from, to) => {
    calls.copy++;
    const source = localPathOf(from);
    const target = localPathOf(to);
    const bytes = source && !source.includes('..') ? bytesOf(source) : null;
    if (!bytes || !target || target.includes('..')) return false;
    write(target, bytes);
    return true;
  };

  /** A function's own file (an export): any path but one that climbs out, a type the store serves, the client's size limit. */
  const put: Files['upload'] = async (cloudPath, bytes) => {
    calls.upload++;
    if (cloudPath.includes('..') || !typeOf(cloudPath)) throw new Error(`uploadFile: ${cloudPath} is not a path this store serves`);
    if (bytes.length === 0 || bytes.length > MAX_UPLOAD_BYTES) throw new Error(`uploadFile: ${bytes.length} bytes`);
    write(cloudPath, bytes);
    return fileIdOf(cloudPath);
  };

  const remove: Files['remove'] = async (fileIds) => {
    calls.remove++;
    for (const id of fileIds) {
      const path = localPathOf(id);
      if (!path || path.includes('..')) continue;
      if (!dir) memory.delete(path);
      else if (existsSync(fileOf(path))) unlinkSync(fileOf(path));
    }
  };

  /** What functions get as `deps.files`. */
  const seam: Files = { tempUrls, download, copy, remove, upload: put };
  return { upload, serve, seam, calls };
};

export type FileStore = ReturnType<typeof createFileStore>;
