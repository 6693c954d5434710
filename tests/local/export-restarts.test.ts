/**
 * Issue 17 (2), from outside: an Excel export asked of the running system (local/main.ts over HTTP),
 * the system killed once it answered, then the same command sent again to the restarted system: it
 * answers the same file with a fresh link, and the member has one export, not two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startSystem } from './system-process';

const SUPERVISOR = 'o-sup-liu';
const PROPERTY = 'demo';
const COMMAND = `export-restart-${Date.now().toString(36)}`;

let dataDir: string;
beforeAll(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'export-restarts-')), 'data');
});
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

const exportXlsx = (url: string, commandId: string) => call(url, 'reports', 'exportXlsx', { propertyId: PROPERTY, period: '2026-11', commandId }, SUPERVISOR);
const fetchFile = async (base: string, link: string) => {
  const res = await fetch(new URL(link, base));
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};

it('exportXlsx sent again with its command id after the system was killed and started again answers the first file and records one export', async () => {
  const first = await startSystem(dataDir);
  let answered: { fileName: string; url: string };
  let bytes: Buffer;
  try {
    const reply = await exportXlsx(first.url, COMMAND);
    expect(reply).toMatchObject({ ok: true, data: { fileName: expect.stringContaining('2026年11月') } });
    answered = reply.data as unknown as { fileName: string; url: string };
    const file = await fetchFile(first.url, answered.url);
    expect(file.status).toBe(200);
    bytes = file.bytes;
  } finally {
    await first.kill();
  }
  const again = await startSystem(dataDir);
  try {
    const reply = await exportXlsx(again.url, COMMAND);
    expect(reply).toMatchObject({ ok: true, data: { fileName: answered.fileName } });
    const file = await fetchFile(again.url, String(reply.data?.url));
    expect(file).toEqual({ status: 200, bytes });
    const recent = await call(again.url, 'reports', 'recentExports', { propertyId: PROPERTY }, SUPERVISOR);
    expect(recent).toMatchObject({ ok: true, data: { total: 1, items: [{ status: 'ready', commandId: COMMAND }] } });
  } finally {
    expect(await again.stop()).toBe(0);
  }
}, 120_000);
