import { actionPath } from './system-process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../../local/runtime';
import { startServer } from '../../local/server';
import { demoPeople, localNewcomers } from '../../local/seed';
import { tickTimers } from '../../local/timers';
import { functions, memberIdOf, MORNING, PROPERTY, testClock, WANG, WANG_ROOM } from '../functions/harness';

/**
 * Issue 12, point 2: files are private. Driven through the local server's HTTP API as a client
 * would: who uploaded × who asks × which record, each answer's exact status or code.
 */
const RESIDENT_SAME_ROOM = 'o-res-wu';
const OTHER_RESIDENT = 'o-res-zhang';
const STRANGER = 'o-new-res';
const TECH = 'o-tech-li';
const OTHER_TECH = 'o-tech-ma';
const DESK_UPLOADER = 'o-desk-chen';
const DESK = 'o-desk-lin';
const SUPERVISOR = 'o-sup-liu';
const MANAGER = 'o-mgr-zhou';

const token = (openid: string) => Buffer.from(openid).toString('base64url');
const bytes = (label: string) => Buffer.from(`\x89PNG ${label}`);
const everyOpenid = [...demoPeople, ...localNewcomers].map((p) => p.openid);

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string };

describe('files are private (issue 12, point 2), through the local HTTP API', () => {
  let dataDir: string;
  let runtime: Runtime;
  let server: Awaited<ReturnType<typeof startServer>>;
  const clock = testClock(MORNING);
  /** Every body a function answered in this file, checked at the end for file ids and openids. */
  const answered: string[] = [];
  let seq = 0;

  const call = async (openid: string, fn: string, action: string, input: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${server.url}${actionPath(fn, action)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Dev ${token(openid)}` },
      body: JSON.stringify({ action, input: { propertyId: PROPERTY, ...input } }),
    });
    const text = await res.text();
    answered.push(text);
    return JSON.parse(text) as Answer;
  };
  const ok = async (openid: string, fn: string, action: string, input: Record<string, unknown>) => {
    const answer = await call(openid, fn, action, input);
    if (!answer.ok) throw new Error(`${fn}.${action} as ${openid}: ${answer.code}`);
    return answer.data;
  };
  const write = (openid: string, fn: string, action: string, input: Record<string, unknown>) =>
    ok(openid, fn, action, { commandId: `storage-matrix-${(seq++).toString().padStart(4, '0')}`, ...input });
  const upload = async (openid: string | null, path: string, body: Buffer) => {
    const res = await fetch(`${server.url}/api/storage/upload?path=${encodeURIComponent(path)}`, {
      method: 'POST',
      headers: openid ? { authorization: `Dev ${token(openid)}` } : {},
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as { fileID?: string; error?: string } };
  };
  /** Into the caller's own folder, as the app does: the folder comes from session.context. */
  const uploadOwn = async (openid: string, name: string, body: Buffer) => {
    const { uploadPrefix } = (await ok(openid, 'session', 'context', {})) as { uploadPrefix: string };
    const { status, body: out } = await upload(openid, `${uploadPrefix}${name}`, body);
    if (status !== 200 || !out.fileID) throw new Error(`upload as ${openid}: ${status} ${out.error}`);
    return out.fileID;
  };
  const fetchLink = async (link: string) => {
    const res = await fetch(`${server.url}${link}`);
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  /** The way the app used to read a file: by its id, as a signed-in person. */
  const readById = async (openid: string, fileId: string) =>
    (await fetch(`${server.url}/api/storage/file?fileID=${encodeURIComponent(fileId)}&token=${token(openid)}`)).status;

  const files = {} as Record<'repair photo' | 'on-site photo' | 'sign-off signature' | 'callback signature', { id: string; bytes: Buffer }>;
  let repairId = '';
  let callbackId = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'storage-matrix-'));
    runtime = await createRuntime({ dataDir, functions, now: clock.now });
    const h5Dir = join(dataDir, 'h5');
    mkdirSync(h5Dir);
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html>');
    server = await startServer({ runtime, h5Dir, dataDir, port: 0 });

    files['repair photo'] = { id: await uploadOwn(WANG, 'leak-0000000000001.png', bytes('leak')), bytes: bytes('leak') };
    const repair = await write(WANG, 'repairs', 'create', {
      roomId: WANG_ROOM,
      category: 'water',
      description: '厨房水龙头一直滴水',
      preferredTime: { date: '2026-11-24', slot: 'evening' },
      photos: [files['repair photo'].id],
    });
    repairId = String(repair.id);
    let version = Number(repair.version);
    const step = async (openid: string, action: string, input: Record<string, unknown> = {}) => {
      const view = await write(openid, 'repairs', action, { repairId, version, ...input });
      version = Number(view.version);
      return view;
    };
    await step(DESK_UPLOADER, 'dispatch', { technicianId: memberIdOf(TECH) });
    await step(TECH, 'acknowledge');
    await step(TECH, 'arrive');
    await step(TECH, 'quote', { items: [] });
    await step(WANG, 'accept');
    files['on-site photo'] = { id: await uploadOwn(TECH, 'before-0000000000001.jpg', bytes('before')), bytes: bytes('before') };
    const after = await uploadOwn(TECH, 'after-00000000000001.jpg', bytes('after'));
    await step(TECH, 'complete', { beforePhotos: [files['on-site photo'].id], afterPhotos: [after], materials: [], amountFen: 0 });
    files['sign-off signature'] = { id: await uploadOwn(TECH, 'signoff-000000000001.png', bytes('signed')), bytes: bytes('signed') };
    await step(TECH, 'signOff', { signature: files['sign-off signature'].id, rating: { quality: 3, attitude: 3, comment: '' } });

    clock.advanceMinutes(1);
    await tickTimers(runtime, clock.now());
    const { items } = (await ok(DESK_UPLOADER, 'callbacks', 'queue', {})) as { items: { id: string; version: number; subjectId: string }[] };
    const task = items.find((i) => i.subjectId === repairId);
    if (!task) throw new Error('no callback task for the signed-off repair');
    callbackId = task.id;
    files['callback signature'] = { id: await uploadOwn(DESK_UPLOADER, 'visit-00000000000001.png', bytes('visit')), bytes: bytes('visit') };
    await write(DESK_UPLOADER, 'callbacks', 'record', {
      callbackId,
      version: task.version,
      reached: true,
      satisfied: true,
      notes: '上门回访，住户满意',
      method: 'home_visit',
      signature: files['callback signature'].id,
    });
  });

  afterAll(async () => {
    await server.close();
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  type Record_ = keyof typeof files;
  /** Where each file shows in its record's view. */
  const viewOf = async (openid: string, record: Record_): Promise<{ answer: Answer; link: string | null }> => {
    if (record === 'callback signature') {
      const answer = await call(openid, 'callbacks', 'get', { callbackId });
      const outcome = answer.ok ? (answer.data.outcome as { signature?: string | null }) : null;
      return { answer, link: outcome?.signature ?? null };
    }
    const answer = await call(openid, 'repairs', 'get', { repairId });
    if (!answer.ok) return { answer, link: null };
    const repair = answer.data as { photos: string[]; completion: { beforePhotos: string[] }; signOff: { signature: string } };
    const link = { 'repair photo': repair.photos[0], 'on-site photo': repair.completion.beforePhotos[0], 'sign-off signature': repair.signOff.signature }[record];
    return { answer, link: link ?? null };
  };

  const repairRows = (record: Record_): [Record_, string, string, string][] => [
    [record, '王秀英, who filed it', 'a link', WANG],
    [record, '张伟, another resident', 'REPAIR.NOT_FOUND', OTHER_RESIDENT],
    // Issue 18 (5): her household follows the room's repairs filed since she was bound, photos and sign-off included.
    [record, '吴芳, of the same room since before it was filed', 'a link', RESIDENT_SAME_ROOM],
    [record, '孙丽, a stranger with no membership', 'COMMON.NOT_A_MEMBER', STRANGER],
    [record, '李建国, the assigned technician', 'a link', TECH],
    [record, '马超, a technician not assigned', 'REPAIR.NOT_FOUND', OTHER_TECH],
    [record, '林琳, the desk', 'a link', DESK],
    [record, '刘主管, the supervisor', 'a link', SUPERVISOR],
    [record, '周经理, the manager', 'a link', MANAGER],
  ];
  const matrix: [Record_, string, string, string][] = [
    ...repairRows('repair photo'),
    ...repairRows('on-site photo'),
    ...repairRows('sign-off signature'),
    ['callback signature', '王秀英, whose callback it was', 'COMMON.FORBIDDEN', WANG],
    ['callback signature', '张伟, another resident', 'COMMON.FORBIDDEN', OTHER_RESIDENT],
    ['callback signature', '吴芳, a resident of the same room', 'COMMON.FORBIDDEN', RESIDENT_SAME_ROOM],
    ['callback signature', '孙丽, a stranger with no membership', 'COMMON.NOT_A_MEMBER', STRANGER],
    ['callback signature', '李建国, the repair\'s technician', 'COMMON.FORBIDDEN', TECH],
    ['callback signature', '马超, another technician', 'COMMON.FORBIDDEN', OTHER_TECH],
    ['callback signature', '林琳, the desk', 'a link', DESK],
    ['callback signature', '刘主管, the supervisor', 'a link', SUPERVISOR],
    ['callback signature', '周经理, the manager', 'a link', MANAGER],
  ];

  it.each(matrix)('the %s: %s asks for its record and gets %s (200 from the link); by the file id, 403', async (record, _who, expected, openid) => {
    const { answer, link } = await viewOf(openid, record);
    if (expected === 'a link') {
      expect(answer.ok).toBe(true);
      expect(link).toMatch(/^\/api\/storage\/file\?/);
      expect(link).not.toContain('cloud://');
      expect(await fetchLink(link ?? '')).toEqual({ status: 200, bytes: files[record].bytes });
    } else {
      expect(answer).toMatchObject({ ok: false, code: expected });
      expect(link).toBeNull();
    }
    expect(await readById(openid, files[record].id)).toBe(403);
  });

  it('the uploader too reads a file only through a link a function issued', async () => {
    expect(await readById(WANG, files['repair photo'].id)).toBe(403);
    expect(await readById(TECH, files['sign-off signature'].id)).toBe(403);
    expect(await readById(DESK_UPLOADER, files['callback signature'].id)).toBe(403);
  });

  it('a link works for minutes, not a day: refused once its 10 minutes are over', async () => {
    const { link } = await viewOf(DESK, 'sign-off signature');
    clock.advanceMinutes(9);
    expect((await fetchLink(link ?? '')).status).toBe(200);
    clock.advanceMinutes(2);
    expect((await fetchLink(link ?? '')).status).toBe(403);
    expect((await fetchLink((await viewOf(DESK, 'sign-off signature')).link ?? '')).status).toBe(200);
  });

  it('a link changed by hand is refused: another file under the same signature, or a later expiry', async () => {
    const { link } = await viewOf(SUPERVISOR, 'repair photo');
    const url = new URL(link ?? '', server.url);
    const otherPath = new URL((await viewOf(SUPERVISOR, 'sign-off signature')).link ?? '', server.url).searchParams.get('path') ?? '';
    const swapped = new URL(url);
    swapped.searchParams.set('path', otherPath);
    expect((await fetchLink(`${swapped.pathname}${swapped.search}`)).status).toBe(403);
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 86_400));
    expect((await fetchLink(`${later.pathname}${later.search}`)).status).toBe(403);
    expect((await fetchLink(`/api/storage/file?path=${encodeURIComponent(url.searchParams.get('path') ?? '')}`)).status).toBe(403);
  });

  it('a client uploads only into its own folder, signed in, and only pictures and spreadsheets', async () => {
    const wangsFolder = `uploads/${memberIdOf(WANG)}/`;
    expect(await upload(OTHER_RESIDENT, `${wangsFolder}planted-0000000001.png`, bytes('x'))).toEqual({ status: 403, body: { error: 'not_your_folder' } });
    expect(await upload(STRANGER, `${wangsFolder}planted-0000000002.png`, bytes('x'))).toEqual({ status: 403, body: { error: 'not_your_folder' } });
    expect(await upload(STRANGER, `uploads/${STRANGER}/mine-00000000001.png`, bytes('x'))).toEqual({ status: 403, body: { error: 'not_your_folder' } });
    expect((await upload(null, `${wangsFolder}anon-000000000001.png`, bytes('x'))).status).toBe(401);
    expect(await upload(WANG, `${wangsFolder}../${memberIdOf(OTHER_RESIDENT)}/x.png`, bytes('x'))).toEqual({ status: 400, body: { error: 'path' } });
    expect(await upload(WANG, `${wangsFolder}run-0000000000001.exe`, Buffer.from('MZ'))).toEqual({ status: 400, body: { error: 'type' } });
    expect((await upload(WANG, `${wangsFolder}rooms-00000000001.csv`, Buffer.from('楼栋,单元,房号\n'))).status).toBe(200);
  });

  it('someone else\'s file is refused on intake, each with its own code', async () => {
    const repair = { roomId: 'demo:1-2-1502', category: 'water', description: '卫生间漏水', preferredTime: { date: '2026-11-24', slot: 'evening' } };
    expect(await call(OTHER_RESIDENT, 'repairs', 'create', { ...repair, commandId: 'intake-theirs-0001', photos: [files['repair photo'].id] })).toMatchObject({
      ok: false,
      code: 'REPAIR.PHOTO_NOT_YOURS',
    });
    const complaint = {
      roomId: 'demo:1-2-1502', category: 'elevator', place: { scope: 'building', building: '1' }, occurredAt: '2026-11-23T01:30:00.000Z',
      target: '电梯维保单位', description: '电梯噪音很大', request: '尽快检修', residentDeadline: null,
    };
    expect(await call(OTHER_RESIDENT, 'complaints', 'create', { ...complaint, commandId: 'intake-theirs-0002', photos: [files['repair photo'].id] })).toMatchObject({
      ok: false,
      code: 'COMPLAINT.PHOTO_NOT_YOURS',
    });
    expect(await call(TECH, 'repairs', 'complete', { repairId, version: 99, commandId: 'intake-theirs-0003', beforePhotos: [files['repair photo'].id], afterPhotos: [files['repair photo'].id], materials: [], amountFen: 0 })).toMatchObject({
      ok: false,
      code: 'REPAIR.FILE_NOT_YOURS',
    });
    expect(await call(DESK, 'callbacks', 'record', { callbackId, version: 2, commandId: 'intake-theirs-0004', reached: true, satisfied: true, notes: '', method: 'home_visit', signature: files['callback signature'].id })).toMatchObject({
      ok: false,
      code: 'CALLBACK.FILE_NOT_YOURS',
    });
  });

  it('an old record\'s photo, stored under its uploader\'s openid before this change, is linked to whoever may see the record through a copy that names no openid', async () => {
    const legacyPath = `uploads/${WANG}/1732300000000-0a1b2c3d4e5f.jpg`;
    mkdirSync(join(dataDir, 'files', 'uploads', WANG), { recursive: true });
    writeFileSync(join(dataDir, 'files', legacyPath), bytes('old photo'));
    const [stored] = runtime.engine.collection('repairs').all() as Record<string, unknown>[];
    runtime.engine.insertRaw('repairs', [{ ...stored, _id: 'rp_before_issue_12', photos: [`cloud://local.local/${legacyPath}`] }]);
    const photoOf = async (openid: string) => {
      const answer = await call(openid, 'repairs', 'get', { repairId: 'rp_before_issue_12' });
      return answer.ok ? (answer.data.photos as string[])[0] ?? '' : answer.code;
    };

    const copies = runtime.files.calls.copy;
    const forDesk = await photoOf(DESK);
    expect(new URL(forDesk, server.url).searchParams.get('path')).toMatch(/^uploads\/moved\/[0-9a-f]{32}\.jpg$/);
    expect(await fetchLink(forDesk)).toEqual({ status: 200, bytes: bytes('old photo') });
    expect(await fetchLink(await photoOf(WANG))).toEqual({ status: 200, bytes: bytes('old photo') });
    expect(runtime.files.calls.copy - copies).toBe(1);
    expect(await photoOf(OTHER_RESIDENT)).toBe('REPAIR.NOT_FOUND');
    expect(await photoOf(STRANGER)).toBe('COMMON.NOT_A_MEMBER');
    expect(await readById(STRANGER, `cloud://local.local/${legacyPath}`)).toBe(403);
  });

  it('no answer carries a file id or anyone\'s openid', () => {
    const leaks = answered.flatMap((body) => [...(body.includes('cloud://') ? ['cloud://'] : []), ...everyOpenid.filter((id) => body.includes(id))]);
    expect(answered.length).toBeGreaterThan(40);
    expect([...new Set(leaks)]).toEqual([]);
  });
});
