import { mkdirSync, readFileSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { randomBytes } from 'node:crypto';
import { uploadPrefixOf } from '../cloudfunctions/_shared/storage';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const allowed: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/**
 * Cloud storage stand-in with the same file ids (`cloud://local.local/<path>`) and the same rule:
 * a user writes only under their own folder. Files live under the data folder, or in memory.
 */
export const createFileStore = (dir: string | null) => {
  const memory = new Map<string, Buffer>();
  const fileOf = (path: string) => join(dir ?? '', 'files', normalize(path).replace(/^(\.\.[/\\])+/, ''));

  const upload = (openid: string, name: string, bytes: Buffer): { fileID: string } | { error: string } => {
    const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
    if (!allowed[ext]) return { error: 'type' };
    if (bytes.length === 0 || bytes.length > MAX_UPLOAD_BYTES) return { error: 'size' };
    const path = `${uploadPrefixOf(openid)}${Date.now()}-${randomBytes(6).toString('hex')}.${ext}`;
    if (dir) {
      mkdirSync(dirname(fileOf(path)), { recursive: true });
      writeFileSync(fileOf(path), bytes);
    } else memory.set(path, bytes);
    return { fileID: `cloud://local.local/${path}` };
  };

  const read = (fileID: string): { bytes: Buffer; type: string } | null => {
    const path = /^cloud:\/\/local\.local\/(.+)$/.exec(fileID)?.[1];
    if (!path || path.includes('..')) return null;
    const type = allowed[(/\.([a-z0-9]+)$/i.exec(path)?.[1] ?? '').toLowerCase()] ?? 'application/octet-stream';
    if (!dir) {
      const bytes = memory.get(path);
      return bytes ? { bytes, type } : null;
    }
    return existsSync(fileOf(path)) ? { bytes: readFileSync(fileOf(path)), type } : null;
  };

  const remove = (fileIDs: readonly string[]): void => {
    for (const fileID of fileIDs) {
      const path = /^cloud:\/\/local\.local\/(.+)$/.exec(fileID)?.[1];
      if (!path || path.includes('..')) continue;
      if (!dir) memory.delete(path);
      else if (existsSync(fileOf(path))) unlinkSync(fileOf(path));
    }
  };

  return { upload, read, remove };
};
