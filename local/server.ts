import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Runtime } from './runtime';
import { PlatformError } from './platform-limits';
import { demoAdmins, demoPeople, localNewcomers } from './seed';
import { MAX_UPLOAD_BYTES } from './storage';
import { messages } from '@shared/messages';
import { signalModel } from '@shared/model/signal.model';
import { TIMER_FUNCTIONS } from '@shared/model/environment.model';
import { membershipsOf } from '../cloudfunctions/_shared/membership';
import { uploadFolderOfPath } from '../cloudfunctions/_shared/storage';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Local sign-in only: a token names a demo user. Nothing like it exists in a deployed bundle. */
const devToken = (openid: string) => Buffer.from(openid).toString('base64url');
const openidOfToken = (token: string | null | undefined): string =>
  token ? Buffer.from(token.replace(/^Dev\s+/i, ''), 'base64url').toString('utf8') : '';

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The platform refused or cut off the call, so there is no function result: like wx.cloud.callFunction's
 * fail, the answer is not a result the client can parse (a 5xx with the platform's message).
 */
const platformFailure = (res: ServerResponse, error: PlatformError) => {
  res.writeHead(error.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED' ? 504 : 502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`cloud.callFunction:fail ${error.code}: ${error.message}`);
};

export interface ServerOptions {
  runtime: Runtime;
  h5Dir: string;
  dataDir: string | null;
  port: number;
}

/** One local endpoint: the H5 app, the functions, the watch, storage, and the local panel. */
export const startServer = async ({ runtime, h5Dir, port }: ServerOptions) => {
  const { files } = runtime;
  const labels = new Set([...demoPeople, ...demoAdmins, ...localNewcomers].map((p) => p.openid));

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const caller = { openid: openidOfToken(req.headers.authorization ?? url.searchParams.get('token')) };
    const fn = /^\/api\/fn\/([a-z]+(?:-[a-z]+)*)$/.exec(url.pathname);
    if (fn && req.method === 'POST') {
      const name = fn[1] ?? '';
      if ((TIMER_FUNCTIONS as readonly string[]).includes(name)) return json(res, 403, { ok: false, code: 'COMMON.FORBIDDEN', message: messages.errors['COMMON.FORBIDDEN'] });
      // A client's call always carries its OPENID, as in the cloud: one without is never a system call (issue 13).
      if (!caller.openid) return json(res, 200, { ok: false, code: 'COMMON.NOT_A_MEMBER', message: messages.errors['COMMON.NOT_A_MEMBER'] });
      let event: unknown;
      try {
        // Only bounds what is read; the platform's call-data limit is the runtime's to enforce.
        event = JSON.parse((await readBody(req, 3 * 1024 * 1024)).toString('utf8'));
      } catch {
        return json(res, 400, { ok: false, code: 'COMMON.BAD_INPUT', message: messages.errors['COMMON.BAD_INPUT'] });
      }
      try {
        return json(res, 200, await runtime.invoke(name, event, caller));
      } catch (e) {
        if (e instanceof PlatformError) return platformFailure(res, e);
        return json(res, 404, { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: messages.errors['COMMON.UNKNOWN_ACTION'] });
      }
    }
    if (url.pathname === '/api/dev/users') {
      const members = [...demoPeople, ...demoAdmins].map((p) => ({
        token: devToken(p.openid),
        name: p.name,
        role: p.role as string,
        propertyName: p.role === 'admin' ? '阳光物业' : '阳光花园',
        label: `${p.name}（${messages.roles[p.role]}${p.rooms ? ` ${p.rooms.join('、')}` : ''}）`,
      }));
      const newcomers = localNewcomers.map((p) => ({ token: devToken(p.openid), name: p.name, role: 'newcomer', propertyName: '', label: p.label }));
      return json(res, 200, [...members, ...newcomers]);
    }
    if (url.pathname === '/api/watch') return watch(req, res, url.searchParams.get('ids')?.split(',').filter(Boolean) ?? []);
    if (url.pathname === '/api/storage/upload' && req.method === 'POST') return upload(req, res, caller.openid, url.searchParams.get('path') ?? '');
    if (url.pathname === '/api/storage/file') {
      const file = files.serve(url.searchParams);
      if ('error' in file) return json(res, file.error === 'missing' ? 404 : 403, { error: file.error });
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'private, no-store' });
      return res.end(file.bytes);
    }
    if (url.pathname === '/panel') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(readFileSync(join(__dirname, 'panel.html')));
    }
    if (url.pathname === '/api/panel') {
      const outbox = await runtime.db.collection('outbox').orderBy('createdAt', 'desc').limit(100).get();
      return json(res, 200, { webhookPosts: runtime.webhookPosts.slice(-100), subscribeMessages: runtime.subscribeMessages.slice(-100), outbox: outbox.data });
    }
    return serveStatic(res, url.pathname);
  };

  /**
   * wx.cloud.uploadFile to a path the client names, only into one of the caller's own folders (one
   * per membership): a file there can only be the caller's, which is what the storage rule's
   * `resource.openid == auth.openid` promises in the cloud.
   */
  const upload = async (req: IncomingMessage, res: ServerResponse, openid: string, path: string) => {
    if (!openid || !labels.has(openid)) return json(res, 401, { error: 'unauthenticated' });
    const folder = uploadFolderOfPath(path);
    if (!folder) return json(res, 400, { error: 'path' });
    const own = (await membershipsOf(runtime.db, openid)).some((m) => m._id === folder);
    if (!own) return json(res, 403, { error: 'not_your_folder' });
    const bytes = await readBody(req, MAX_UPLOAD_BYTES + 1).catch(() => null);
    if (!bytes) return json(res, 413, { error: 'size' });
    const out = files.upload(path, bytes);
    return json(res, 'fileID' in out ? 200 : out.error === 'size' ? 413 : 400, out);
  };

  /** The watch the mini-program gets from the cloud database, here as Server-Sent Events. */
  const watch = (req: IncomingMessage, res: ServerResponse, ids: string[]) => {
    if (ids.length === 0 || ids.length > 10 || ids.some((id) => id.length > 200)) return json(res, 400, { error: 'ids' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': watching\n\n');
    const last = new Map<string, number>();
    const poll = async () => {
      const found = await runtime.db.collection('signals').where({ _id: runtime.db.command.in(ids) }).limit(10).get();
      for (const signal of found.data.map((raw) => signalModel.parse(raw))) {
        if (last.get(signal._id) !== signal.seq) {
          res.write(`data: ${JSON.stringify({ id: signal._id, seq: signal.seq })}\n\n`);
          last.set(signal._id, signal.seq);
        }
      }
    };
    const timer = setInterval(() => void poll().catch(() => undefined), 500);
    void poll().catch(() => undefined);
    req.on('close', () => clearInterval(timer));
  };

  const serveStatic = (res: ServerResponse, pathname: string) => {
    const path = join(h5Dir, normalize(pathname === '/' ? '/index.html' : pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(path) || !statSync(path).isFile()) return json(res, 404, { error: 'not found' });
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) json(res, 500, { ok: false, code: 'COMMON.INTERNAL', message: messages.errors['COMMON.INTERNAL'] });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
