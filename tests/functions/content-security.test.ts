import { complaints, repairs } from '@shared/contracts';
import { messages } from '@shared/messages';
import { LOCAL_CHECKER } from '../../local/wechat';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, expectRolledBack, memberIdOf, newCommandId, PROPERTY, raw, repairInput, seedOtherProperty, snapshot, startRuntime, SUPERVISOR, TECH_LI, tickTimers, uploadAs, WANG, WANG_ROOM, watchTraces, ZHANG, storedEvents } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Doc = Record<string, unknown>;
const MANAGER = 'o-mgr-zhou';
const RISKY = `厨房水龙头一直滴水，${LOCAL_CHECKER.riskyPhrase}`;

const tick = (rt: Rt) => tickTimers(rt);
const getAs = (rt: Rt, openid: string, repairId: string) => callAs(rt, openid, repairs.get, { propertyId: PROPERTY, repairId });
const dispatch = async (rt: Rt, repairId: string) =>
  expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId, version: 1, technicianId: memberIdOf(TECH_LI) }));
const decide = (rt: Rt, openid: string, repairId: string, item: Doc, decision: 'release' | 'redact') =>
  callAs(rt, openid, repairs.decideContent, { propertyId: PROPERTY, commandId: newCommandId(), repairId, item, decision });
/** The file a temporary link serves (links name the stored path, never the file id). */
const pathsOf = (links: readonly string[]) => links.map((l) => new URL(l, 'http://local').searchParams.get('path'));
const noticesAbout = (rt: Rt, id: string) => raw<{ subject: { id: string }; body: string; channel: string; recipient: string; pushTo?: string[] }>(rt, 'outbox').filter((n) => n.subject.id === id);
const checksOf = (rt: Rt, id: string) => raw<{ subject: { id: string }; status: string; item: { kind: string }; openid: string }>(rt, 'contentChecks').filter((c) => c.subject.id === id);

describe('issue 13 (1.9): residents\' text is checked when filed, and what the check flags is held for the desk', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('risky text is recorded, held from the technician and every notice, shown to the desk marked, and released by the desk', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: RISKY })));
    expect(filed.description).toBe(RISKY);

    const desk = expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id));
    expect(desk.description).toBe(RISKY);
    expect(desk.screening?.text).toEqual({ verdict: 'risky', label: 20003, held: true, awaitsDesk: true, decision: null });
    expect(noticesAbout(rt, filed.id).every((n) => !n.body.includes(LOCAL_CHECKER.riskyPhrase) && n.body.includes(messages.screening.held))).toBe(true);

    await dispatch(rt, filed.id);
    const tech = expectOk(await getAs(rt, TECH_LI, filed.id));
    expect(tech.description).toBe(messages.screening.held);
    expect(tech.screening).toBeNull();
    expect(expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).items[0]?.description).toBe(messages.screening.held);
    expect(noticesAbout(rt, filed.id).filter((n) => n.recipient === TECH_LI).map((n) => n.body)).toEqual([`${messages.categories.water}：${messages.screening.held}`]);

    const released = expectOk(await decide(rt, DESK_ON_SHIFT, filed.id, { kind: 'text' }, 'release'));
    expect(released.screening?.text).toMatchObject({ verdict: 'risky', held: false, awaitsDesk: false, decision: { action: 'release', by: '陈晓' } });
    const after = expectOk(await getAs(rt, TECH_LI, filed.id));
    expect(after.description).toBe(RISKY);
    expect(after.version).toBe(tech.version);
    expect(after.history.map((e) => e.action)).toContain('releaseContent');
  });

  it('R3: an urgent repair with risky text still reaches the desk on shift and the WeCom robot at once, without the text', async () => {
    const text = `电梯困人了，${LOCAL_CHECKER.riskyPhrase}`;
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ category: 'elevator', description: text })));
    expect(filed.priority).toBe('urgent');
    const posts = rt.webhookPosts.map((p) => JSON.stringify(p.body));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain(messages.priority.urgent);
    expect(posts[0]).toContain(messages.triageRules['R3.1']);
    expect(posts[0]).not.toContain(LOCAL_CHECKER.riskyPhrase);
    const sent = noticesAbout(rt, filed.id).filter((n) => n.channel === 'inbox');
    expect(sent.map((n) => n.recipient)).toEqual(expect.arrayContaining(['role:desk', 'role:supervisor']));
    expect(sent.find((n) => n.recipient === 'role:desk')?.pushTo).toEqual([DESK_ON_SHIFT]);
    expect(raw<{ status: string }>(rt, 'outbox').filter((n) => n.status !== 'sent')).toEqual([]);
  });

  it('text for review is held like risky text; the desk may redact it for good, and it stays redacted', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: `卫生间漏水 ${LOCAL_CHECKER.reviewPhrase}` })));
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.text).toMatchObject({ verdict: 'review', held: true });
    await dispatch(rt, filed.id);
    expectOk(await decide(rt, SUPERVISOR, filed.id, { kind: 'text' }, 'redact'));
    expect(expectOk(await getAs(rt, TECH_LI, filed.id)).description).toBe(messages.screening.redacted);
    expect(await decide(rt, DESK_ON_SHIFT, filed.id, { kind: 'text' }, 'release')).toMatchObject({ ok: false, code: 'CONTENT.ALREADY_DECIDED' });
    expect(expectOk(await getAs(rt, WANG, filed.id)).description).toContain('卫生间漏水');
  });

  it('text the check passed reaches the technician as written; releasing it is refused, redacting it is the desk\'s call', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.text).toMatchObject({ verdict: 'pass', label: 100, held: false });
    await dispatch(rt, filed.id);
    expect(expectOk(await getAs(rt, TECH_LI, filed.id)).description).toBe('厨房水龙头一直滴水');
    expect(await decide(rt, DESK_ON_SHIFT, filed.id, { kind: 'text' }, 'release')).toMatchObject({ ok: false, code: 'CONTENT.NOT_HELD' });
    expect(await decide(rt, DESK_ON_SHIFT, filed.id, { kind: 'photo', index: 0 }, 'redact')).toMatchObject({ ok: false, code: 'CONTENT.ITEM_NOT_FOUND' });
    expect(checksOf(rt, filed.id)).toEqual([]);
  });

  it('a check that fails leaves the repair filed and its text unchecked; the timer checks it again and holds what it flags', async () => {
    const check = rt.deps.wechat!.checkText;
    rt.deps.wechat!.checkText = () => Promise.reject(Object.assign(new Error('system busy'), { errCode: -1 }));
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: RISKY })));
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.text).toMatchObject({ verdict: 'unchecked', held: false });
    expect(noticesAbout(rt, filed.id).some((n) => n.channel === 'inbox' && n.recipient === 'role:desk' && n.pushTo?.includes(DESK_ON_SHIFT))).toBe(true);
    expect(checksOf(rt, filed.id)).toEqual([expect.objectContaining({ status: 'queued', item: { kind: 'text' } })]);

    rt.clock.advanceMinutes(2);
    await tick(rt);
    expect(checksOf(rt, filed.id)).toEqual([expect.objectContaining({ status: 'queued' })]);

    rt.deps.wechat!.checkText = check;
    rt.clock.advanceMinutes(3);
    await tick(rt);
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.text).toMatchObject({ verdict: 'risky', held: true, awaitsDesk: true });
    expect(checksOf(rt, filed.id)).toEqual([expect.objectContaining({ status: 'done', openid: '' })]);
    expect((await storedEvents<{ subject: { id: string }; action: string; role: string }>(rt)).filter((e) => e.subject.id === filed.id).map((e) => [e.action, e.role])).toContainEqual(['contentFlagged', 'system']);
  });

  it('a check that never answers does not hold up the filing for more than its budget', async () => {
    rt.deps.wechat!.checkText = () => new Promise(() => undefined);
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ category: 'elevator', description: '电梯困人了' })));
    expect(rt.webhookPosts).toHaveLength(1);
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.text.verdict).toBe('unchecked');
  });

  it('a check that keeps failing is given up after its last attempt, and the text reads unchecked for the desk', async () => {
    rt.deps.wechat!.checkText = () => Promise.reject(new Error('system busy'));
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    for (let i = 0; i < 8; i++) {
      rt.clock.advanceMinutes(40);
      await tick(rt);
    }
    expect(checksOf(rt, filed.id)).toEqual([expect.objectContaining({ status: 'dead', openid: '' })]);
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.text).toMatchObject({ verdict: 'unchecked', held: false });
  });

  it('what the desk types on a resident\'s behalf is not checked', async () => {
    const registered = expectOk(
      await callAs(rt, DESK_ON_SHIFT, repairs.register, {
        propertyId: PROPERTY, commandId: newCommandId(), residentId: memberIdOf(WANG), roomId: WANG_ROOM, channel: 'phone',
        callerName: '王秀英', phone: '13800000101', category: 'water', description: RISKY, preferredTime: null,
      }),
    );
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, registered.id)).screening?.text).toMatchObject({ verdict: 'exempt', held: false });
    expect(checksOf(rt, registered.id)).toEqual([]);
  });
});

describe('issue 13 (1.9): photos are checked asynchronously; a flagged one is hidden from others', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const withPhotos = async () => {
    const photos = [uploadAs(rt, WANG, 'tap-ok.jpg'), uploadAs(rt, WANG, `tap-${LOCAL_CHECKER.riskyPhoto}.jpg`)];
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ photos })));
    await dispatch(rt, filed.id);
    return filed;
  };

  it('a photo flagged by the pushed verdict is hidden from the technician\'s view and shown to the desk marked', async () => {
    const filed = await withPhotos();
    const mine = `uploads/${memberIdOf(WANG)}`;
    expect(pathsOf(expectOk(await getAs(rt, TECH_LI, filed.id)).photos)).toEqual([`${mine}/tap-ok.jpg`, `${mine}/tap-risky.jpg`]);
    expect(checksOf(rt, filed.id).map((c) => c.status)).toEqual(['submitted', 'submitted']);

    expect(await rt.deliverPushes()).toBe(2);

    expect(pathsOf(expectOk(await getAs(rt, TECH_LI, filed.id)).photos)).toEqual([`${mine}/tap-ok.jpg`]);
    const desk = expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id));
    expect(pathsOf(desk.photos)).toEqual([`${mine}/tap-ok.jpg`, `${mine}/tap-risky.jpg`]);
    expect(desk.screening?.photos).toEqual([
      expect.objectContaining({ verdict: 'pass', held: false }),
      expect.objectContaining({ verdict: 'risky', held: true, awaitsDesk: true }),
    ]);
    expect(pathsOf(expectOk(await getAs(rt, WANG, filed.id)).photos)).toHaveLength(2);

    expectOk(await decide(rt, MANAGER, filed.id, { kind: 'photo', index: 1 }, 'release'));
    expect(pathsOf(expectOk(await getAs(rt, TECH_LI, filed.id)).photos)).toEqual([`${mine}/tap-ok.jpg`, `${mine}/tap-risky.jpg`]);
  });

  it('a verdict pushed twice lands once; a push for a trace id nobody was given changes nothing, whoever sends it', async () => {
    const filed = await withPhotos();
    const pushed = rt.pushes.map((p) => p.event);
    await rt.deliverPushes();
    const settled = await snapshot(rt);
    for (const event of pushed) expect(await rt.invoke('pushes', event, { openid: WANG })).toMatchObject({ ok: true, data: { matched: false } });
    const forged = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'made-up-trace', version: 2, result: { suggest: 'pass', label: 100 } };
    expect(await rt.invoke('pushes', forged, { openid: WANG })).toMatchObject({ ok: true, data: { matched: false } });
    expect(await rt.invoke('pushes', { action: 'anything' }, { openid: WANG })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await snapshot(rt)).toEqual(settled);
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.photos[1]).toMatchObject({ verdict: 'risky', held: true });
  });

  it('a photo whose verdict never comes is sent again by the timer, and the new verdict lands', async () => {
    const filed = await withPhotos();
    rt.pushes.splice(0);
    rt.clock.advanceMinutes(41);
    await tick(rt);
    expect(rt.pushes).toHaveLength(2);
    await rt.deliverPushes();
    expect(pathsOf(expectOk(await getAs(rt, TECH_LI, filed.id)).photos)).toHaveLength(1);
  });

  it('a photo the checker cannot download is sent again on the next run', async () => {
    const filed = await withPhotos();
    for (const push of rt.pushes) {
      delete (push.event as Doc).result;
      (push.event as Doc).status_code = 4294966288;
    }
    await rt.deliverPushes();
    expect(checksOf(rt, filed.id).map((c) => c.status)).toEqual(['queued', 'queued']);
    await tick(rt);
    await rt.deliverPushes();
    expect(expectOk(await getAs(rt, DESK_ON_SHIFT, filed.id)).screening?.photos.map((p) => p.verdict)).toEqual(['pass', 'risky']);
  });
});

describe('issue 13 (1.9): complaints', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const complaintBy = (openid: string, roomId: string, over: Doc = {}) =>
    callAs(rt, openid, complaints.create, {
      propertyId: PROPERTY, commandId: newCommandId(), roomId, category: 'elevator', place: { scope: 'building', building: '1' },
      occurredAt: '2026-11-23T01:30:00.000Z', target: '电梯维保单位', description: '1栋电梯运行时噪音很大', request: '尽快检修', residentDeadline: null, photos: [], ...over,
    });

  it('C3: a group complaint raised by a household whose text is risky reaches the manager and the staff group at once, without the text; the desk sees it marked', async () => {
    const households = [[WANG, WANG_ROOM], [ZHANG, 'demo:1-2-1502'], ['o-res-li', 'demo:1-1-302'], ['o-res-zhao', 'demo:1-2-601']] as const;
    for (const [openid, roomId] of households) expectOk(await complaintBy(openid, roomId));
    const fifth = expectOk(await complaintBy('o-res-zhou', 'demo:1-1-702', { request: `尽快检修 ${LOCAL_CHECKER.riskyPhrase}` }));
    expect(fifth.status).toBe('grouped');
    const group = JSON.stringify(rt.webhookPosts.at(-1)?.body);
    expect(group).toContain(messages.notices['complaint.group']);
    expect(group).not.toContain(LOCAL_CHECKER.riskyPhrase);
    expect(group).toContain(messages.screening.held);

    const seen = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: fifth.id } }));
    expect(seen.case).toMatchObject({ request: `尽快检修 ${LOCAL_CHECKER.riskyPhrase}`, screening: { text: { verdict: 'risky', held: true } } });
    expect(seen.history.map((e) => e.action)).toContain('contentFlagged');
    expect(await callAs(rt, ZHANG, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: fifth.id } })).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });

    const released = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.decideContent, { propertyId: PROPERTY, commandId: newCommandId(), complaintId: fifth.id, item: { kind: 'text' }, decision: 'release' }));
    expect(released.screening?.text).toMatchObject({ held: false, decision: { action: 'release' } });
    const own = expectOk(await callAs(rt, 'o-res-zhou', complaints.listMine, { propertyId: PROPERTY })).items[0];
    expect(own?.screening).toBeNull();
    expect(own?.request).toContain(LOCAL_CHECKER.riskyPhrase);
  });
});

describe('issue 13 (1.9): only the desk side of the ticket\'s own property decides on held content', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
  });
  afterEach(() => rt.close());

  it('the resident, the technician and another property\'s desk are refused, and nothing changes', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: RISKY })));
    await dispatch(rt, filed.id);
    const before = await snapshot(rt);
    expect(await decide(rt, WANG, filed.id, { kind: 'text' }, 'release')).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await decide(rt, TECH_LI, filed.id, { kind: 'text' }, 'release')).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await decide(rt, 'o-other-desk', filed.id, { kind: 'text' }, 'release')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(
      await callAs(rt, 'o-other-desk', repairs.decideContent, { propertyId: 'other', commandId: newCommandId(), repairId: filed.id, item: { kind: 'text' }, decision: 'release' }),
    ).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await snapshot(rt)).toEqual(before);
    expect(expectOk(await getAs(rt, TECH_LI, filed.id)).description).toBe(messages.screening.held);
  });

  it('issue 16: a decision reads its ticket once, in its transaction; a ticket of another property or none is refused there, rolled back', async () => {
    const { last } = watchTraces(rt);
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: RISKY })));
    const input = { propertyId: PROPERTY, item: { kind: 'text' }, decision: 'release' };
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.decideContent, { ...input, commandId: newCommandId(), repairId: filed.id }));
    expect(last().filter((c) => c.detail === 'repairs' && c.kind === 'database.getDocument')).toEqual([{ wait: 2, kind: 'database.getDocument', detail: 'repairs', inTransaction: true }]);
    await expectRefusedUnchanged(rt, 'o-other-desk', repairs.decideContent, { ...input, propertyId: 'other', commandId: newCommandId(), repairId: filed.id }, 'REPAIR.NOT_FOUND');
    expectRolledBack(last());
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, complaints.decideContent, { ...input, commandId: newCommandId(), complaintId: 'cp_nothing_here' }, 'COMPLAINT.NOT_FOUND');
    expectRolledBack(last());
  });

  it('a decision sent twice with one command id is applied once', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: RISKY })));
    const input = { propertyId: PROPERTY, commandId: newCommandId(), repairId: filed.id, item: { kind: 'text' }, decision: 'release' };
    const first = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.decideContent, input));
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.decideContent, input))).toEqual(first);
    expect((await storedEvents<{ subject: { id: string }; action: string }>(rt)).filter((e) => e.subject.id === filed.id && e.action === 'releaseContent')).toHaveLength(1);
  });
});
