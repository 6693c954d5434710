/**
 * Issue 12 (3.3): every list is paged with a cursor, ordered by its query (urgent first where
 * urgency exists) and counted exactly; nothing is capped out of sight.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callbacks, catalogue, company, complaints, members, privacy, reception, repairs, session, visits, type Action } from '@shared/contracts';
import { areaListCases, areaUnpagedLists, type ListCase } from './list-cases';
import { ADMIN, callAs, complaintAbout, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, SUPERVISOR, TECH_LI, testClock, tickTimers, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
interface Item {
  id: string;
}
interface Page {
  items: Item[];
  total: number;
  next: string | null;
}

const MANAGER = 'o-mgr-zhou';
const residents = [
  { openid: WANG, roomId: WANG_ROOM, residentId: memberIdOf(WANG) },
  { openid: ZHANG, roomId: ZHANG_ROOM, residentId: memberIdOf(ZHANG) },
  { openid: 'o-res-li', roomId: 'demo:1-1-302', residentId: memberIdOf('o-res-li') },
  { openid: 'o-res-liu', roomId: 'demo:2-1-1001', residentId: memberIdOf('o-res-liu') },
] as const;

const tick = (rt: Rt) => tickTimers(rt);

const onePage = async (rt: Rt, openid: string, action: Action, input: object, extra: object = {}): Promise<Page> =>
  expectOk(await callAs(rt, openid, action, { ...input, ...extra })) as Page;

/** Every page of a list, following each page's cursor. */
const pageThrough = async (rt: Rt, openid: string, action: Action, input: object, limit: number) => {
  const items: Item[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page = await onePage(rt, openid, action, input, { limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    totals.push(page.total);
    cursor = page.next;
    pages += 1;
  } while (cursor && pages < 2000);
  return { items, totals, pages };
};

/** The desk registers a call (R2): never refused by a resident's daily limit, so any number can be filed. */
const registerCall = (rt: Rt, n: number, over: Record<string, unknown> = {}) => {
  const who = residents[n % residents.length] as (typeof residents)[number];
  return callAs(rt, DESK_ON_SHIFT, repairs.register, {
    propertyId: PROPERTY,
    commandId: newCommandId(),
    residentId: who.residentId,
    roomId: who.roomId,
    channel: 'phone',
    callerName: '住户',
    phone: '13800000000',
    category: 'water',
    description: `卫生间水龙头滴水（第${n}户）`,
    preferredTime: null,
    ...over,
  });
};

const GAS_LEAK = { category: 'gas_appliance', description: '厨房燃气泄漏，一股很浓的煤气味' };

describe('R3: urgent is never hidden behind a long queue', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R3: after 1000 normal repairs a gas leak is first on the desk\'s first page, and paging returns every repair once with the exact total', async () => {
    for (let n = 0; n < 1000; n++) {
      expectOk(await registerCall(rt, n));
      if (n % 100 === 99) rt.clock.advanceMinutes(1);
    }
    const leak = expectOk(await callAs(rt, WANG, repairs.create, repairInput(GAS_LEAK)));
    expect(leak.priority).toBe('urgent');

    const first = await onePage(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY });
    expect(first.items[0]?.id).toBe(leak.id);
    expect(first.total).toBe(1001);
    expect(first.next).not.toBeNull();

    const all = await pageThrough(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY }, 100);
    expect(all.pages).toBe(11);
    expect(new Set(all.items.map((r) => r.id)).size).toBe(1001);
    expect(all.items.map((r) => r.id).sort()).toEqual(raw<{ _id: string }>(rt, 'repairs').map((r) => r._id).sort());
    expect(all.totals.every((t) => t === 1001)).toBe(true);
  }, 120_000);

  it('R3: a technician\'s day plan puts an urgent order first however many normal ones they hold', async () => {
    const orders = [];
    for (let n = 0; n < 60; n++) orders.push(expectOk(await registerCall(rt, n)));
    const leak = expectOk(await callAs(rt, WANG, repairs.create, repairInput(GAS_LEAK)));
    for (const r of [...orders, leak]) {
      expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: r.id, version: r.version, technicianId: memberIdOf(TECH_LI) }));
    }
    const first = await onePage(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY });
    expect(first).toMatchObject({ total: 61 });
    expect(first.items[0]?.id).toBe(leak.id);
    // 122 calls: well within jest's default 5 s on a quiet machine, not on one running other suites beside it.
  }, 30_000);
});

describe('a cursor holds its place while the list changes', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('repairs filed while the desk pages through the queue are neither repeated nor pass over any that were there', async () => {
    for (let n = 0; n < 30; n++) {
      expectOk(await registerCall(rt, n));
      rt.clock.advanceMinutes(1);
    }
    const before = raw<{ _id: string }>(rt, 'repairs').map((r) => r._id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: Page = await onePage(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY }, { limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.next;
      // Between pages: a normal repair (it joins the end) and an urgent one (it goes to the top, above the pages already read).
      expectOk(await registerCall(rt, 100 + round));
      expectOk(await callAs(rt, WANG, repairs.create, repairInput(GAS_LEAK)));
      rt.clock.advanceMinutes(1);
      round += 1;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(before.every((id) => seen.includes(id))).toBe(true);
  });

  it('a cursor that is not one of the list\'s own is refused with COMMON.BAD_CURSOR', async () => {
    for (let n = 0; n < 3; n++) expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const mine = await onePage(rt, WANG, repairs.listMine, { propertyId: PROPERTY }, { limit: 1 });
    expect(mine.next).not.toBeNull();
    const foreign = await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY, cursor: mine.next });
    expect(foreign).toMatchObject({ ok: false, code: 'COMMON.BAD_CURSOR', message: '列表已经变了，请下拉刷新后再往下翻' });
    const garbled = await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY, cursor: 'not-a-cursor' });
    expect(garbled).toMatchObject({ ok: false, code: 'COMMON.BAD_CURSOR' });
  });

  it('R3: repairs stored before the queue rank existed are ranked by the timer, then listed in their place', async () => {
    const v4 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v4.json'), 'utf8')) as Record<string, unknown>;
    rt.engine.insertRaw('repairs', [{ ...v4, _id: 'rp_stored_v4', status: 'submitted', technician: null, residentOpenid: WANG }]);
    expectOk(await registerCall(rt, 0));
    expect((await onePage(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY })).total).toBe(1);
    await tick(rt);
    const page = await onePage(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY });
    expect(page.total).toBe(2);
    expect(page.items[0]?.id).toBe('rp_stored_v4');
    expect(raw<{ _id: string; schemaVersion: number; queueRank: number }>(rt, 'repairs').find((r) => r._id === 'rp_stored_v4')).toMatchObject({ schemaVersion: 9, queueRank: 0 });
  });
});



const fileRepairs = async (rt: Rt, n: number) => {
  for (let i = 0; i < n; i++) expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: `第${i}处漏水` })));
  return n;
};

const TEN_TOMORROW = (minutes: number) => new Date(Date.parse('2026-11-24T10:00:00+08:00') + minutes * 60_000).toISOString();

/** The platform's and the older areas' lists; an area's own are in its `<area>-lists.ts` (issue 15, 1). */
const cases: ListCase[] = [
  { name: 'repairs.listMine', who: WANG, action: repairs.listMine, input: { propertyId: PROPERTY }, seed: (rt) => fileRepairs(rt, 5) },
  {
    name: 'repairs.inbox',
    who: DESK_ON_SHIFT,
    action: repairs.inbox,
    input: { propertyId: PROPERTY },
    seed: async (rt) => (await fileRepairs(rt, 5)) + (expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: ZHANG_ROOM, ...GAS_LEAK }))) ? 1 : 0),
  },
  { name: 'repairs.inbox (one status)', who: DESK_ON_SHIFT, action: repairs.inbox, input: { propertyId: PROPERTY, status: 'submitted' }, seed: (rt) => fileRepairs(rt, 5) },
  {
    name: 'repairs.assigned',
    who: TECH_LI,
    action: repairs.assigned,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (let i = 0; i < 5; i++) {
        const r = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ preferredTime: { date: '2026-11-24', slot: (['morning', 'evening', 'any'] as const)[i % 3] } })));
        expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: r.id, version: r.version, technicianId: memberIdOf(TECH_LI) }));
      }
      return 5;
    },
  },
  {
    name: 'complaints.listMine',
    who: WANG,
    action: complaints.listMine,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (let i = 0; i < 4; i++) expectOk(await callAs(rt, WANG, complaints.create, complaintAbout(WANG_ROOM, i)));
      return 4;
    },
  },
  {
    name: 'complaints.inbox',
    who: DESK_ON_SHIFT,
    action: complaints.inbox,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (const [i, r] of residents.entries()) expectOk(await callAs(rt, r.openid, complaints.create, complaintAbout(r.roomId, i)));
      expectOk(await callAs(rt, 'o-res-chen', complaints.create, complaintAbout('demo:2-1-802', 4)));
      return residents.length + 1;
    },
  },
  { name: 'session.inbox', who: DESK_ON_SHIFT, action: session.inbox, input: { propertyId: PROPERTY }, seed: async (rt) => fileRepairs(rt, 3) }, // R2 D3: one line a repair for the clerk on shift (the desk's notice; she is pushed it by name)
  {
    name: 'callbacks.queue',
    who: DESK_ON_SHIFT,
    action: callbacks.queue,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      const v4 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v4.json'), 'utf8')) as Record<string, unknown>;
      rt.engine.insertRaw(
        'repairs',
        Array.from({ length: 5 }, (_, i) => ({ ...v4, _id: `rp_back_${i}`, status: 'signed', residentOpenid: WANG, completedAt: `2026-11-23T00:0${i}:00.000Z`, updatedAt: `2026-11-23T00:0${i}:00.000Z`, rating: null })),
      );
      await tick(rt);
      return 5;
    },
  },
  {
    name: 'members.bindingRequests',
    who: DESK_ON_SHIFT,
    action: members.bindingRequests,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (let i = 0; i < 5; i++) {
        expectOk(await callAs(rt, `o-stranger-${i}`, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: `demo:2-2-${i + 2}01`, name: '新住户', relation: 'tenant', phone: '13800009999' }));
      }
      return 5;
    },
  },
  {
    name: 'members.myBindings',
    who: 'o-new-res',
    action: members.myBindings,
    input: {},
    seed: async (rt) => {
      for (let i = 0; i < 3; i++) {
        expectOk(await callAs(rt, 'o-new-res', members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: `demo:2-2-${i + 2}02`, name: '孙丽', relation: 'tenant', phone: '13800001020' }));
      }
      return 3;
    },
  },
  { name: 'members.list', who: SUPERVISOR, action: members.list, input: { propertyId: PROPERTY }, seed: async () => 8 },
  { name: 'members.list (residents too)', who: SUPERVISOR, action: members.list, input: { propertyId: PROPERTY, roles: ['resident', 'technician'] }, seed: async () => 13 },
  {
    name: 'members.properties',
    who: ADMIN,
    action: company.properties,
    input: {},
    seed: async (rt) => {
      const create = (i: number) => ({ commandId: newCommandId(), propertyId: `court-${i}`, name: `第${i}苑`, address: '', deskPhone: '021-66660000' });
      for (let i = 0; i < 4; i++) expectOk(await callAs(rt, ADMIN, company.createProperty, create(i)));
      return 5;
    },
  },
  {
    name: 'members.invitations',
    who: MANAGER,
    action: members.invitations,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (let i = 0; i < 5; i++) expectOk(await callAs(rt, MANAGER, members.invite, { propertyId: PROPERTY, commandId: newCommandId(), role: 'desk', hours: 24 + i }));
      return 5;
    },
  },
  {
    name: 'members.erasureRequests',
    who: MANAGER,
    action: privacy.erasureRequests,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (const r of residents) {
        expectOk(await callAs(rt, r.openid, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '已搬走' }));
        rt.clock.advanceMinutes(1);
      }
      return residents.length;
    },
  },
  {
    name: 'visits.mine',
    who: WANG,
    action: visits.mine,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (let i = 0; i < 4; i++) expectOk(await callAs(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: TEN_TOMORROW(30 * i), roomId: WANG_ROOM, topic: '咨询物业费账单' }));
      return 4;
    },
  },
  {
    name: 'visits.day',
    who: DESK_ON_SHIFT,
    action: visits.day,
    input: { propertyId: PROPERTY, date: '2026-11-24' },
    seed: async (rt) => {
      for (const [i, r] of residents.entries()) expectOk(await callAs(rt, r.openid, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: TEN_TOMORROW(30 * (i % 2)), roomId: r.roomId, topic: '咨询' }));
      return residents.length;
    },
  },
  {
    name: 'visits.receptionLog',
    who: DESK_ON_SHIFT,
    action: reception.receptionLog,
    input: { propertyId: PROPERTY, date: '2026-11-23' },
    seed: async (rt) => {
      for (let i = 0; i < 3; i++) {
        expectOk(await callAs(rt, DESK_ON_SHIFT, reception.log, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'walk_in', name: '赵先生', address: '2-1-201', phone: '13800000601', subject: `询问车位 ${i}`, department: '停车场', responsible: '王队长', settled: true, replyBy: null }));
        rt.clock.advanceMinutes(1);
        expectOk(await registerCall(rt, i));
        rt.clock.advanceMinutes(1);
      }
      await fileRepairs(rt, 2);
      return 6;
    },
  },
  {
    name: 'members.myRoomInvitations',
    who: WANG,
    action: members.myRoomInvitations,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (const relation of ['family', 'tenant', 'family', 'tenant'] as const) {
        expectOk(await callAs(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation }));
        rt.clock.advanceMinutes(1);
      }
      return 4;
    },
  },
  {
    name: 'visits.groupVisits',
    who: DESK_ON_SHIFT,
    action: reception.groupVisits,
    input: { propertyId: PROPERTY, date: '2026-11-24' },
    seed: async (rt) => {
      for (let i = 0; i < 4; i++) {
        expectOk(await callAs(rt, DESK_ON_SHIFT, reception.planGroupVisit, { propertyId: PROPERTY, commandId: newCommandId(), names: ['张主任'], headcount: 3, arrivalAt: TEN_TOMORROW(60 * i), departureAt: TEN_TOMORROW(60 * i + 30), itinerary: '参观' }));
      }
      return 4;
    },
  },
];

cases.push(...areaListCases());

describe('every list pages with a cursor and counts exactly', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-11-23T02:00:00.000Z'));
  });
  afterEach(() => rt.close());

  it.each(cases.map((c) => [c.name, c] as const))('%s: two at a time, every item once, in the order of one whole page, with the exact total', async (_name, c) => {
    const expected = await c.seed(rt);
    const whole = await onePage(rt, c.who, c.action, c.input, { limit: 100 });
    expect(whole).toMatchObject({ total: expected, next: null });
    expect(whole.items).toHaveLength(expected);
    const paged = await pageThrough(rt, c.who, c.action, c.input, 2);
    // Every item is named by its id (an export by its exportId, a property by its propertyId), and none is missing.
    const idOf = (i: { id?: string; exportId?: string; propertyId?: string }) => i.id ?? i.exportId ?? i.propertyId;
    expect(whole.items.every((i) => idOf(i) !== undefined)).toBe(true);
    expect(paged.items.map(idOf)).toEqual(whole.items.map(idOf));
    expect(paged.pages).toBe(Math.ceil(expected / 2));
    expect(paged.totals.every((t) => t === expected)).toBe(true);
  });

  it('every list action of the catalogue is paged and in the table; the few unpaged lists are bounded by what they are', () => {
    const shapeOf = (a: Action) => ('shape' in a.output ? (a.output as unknown as { shape: Record<string, unknown> }).shape : {});
    const lists = Object.values(catalogue).flatMap((actions) => Object.values(actions)).filter((a) => 'items' in shapeOf(a));
    const unpaged = lists.filter((a) => !('next' in shapeOf(a))).map((a) => `${a.fn}.${a.name}`);
    // The property's staff a key is lent to, suggestions among its technicians, the fee schedule, a scorecard per technician, and the first matches of a search.
    expect(unpaged.sort()).toEqual(['repairs.fees', 'repairs.findResidents', 'repairs.scorecards', 'repairs.technicians', ...areaUnpagedLists()].sort());
    const tabled = new Set(cases.map((c) => `${c.action.fn}.${c.action.name}`));
    expect(lists.filter((a) => 'next' in shapeOf(a)).map((a) => `${a.fn}.${a.name}`).filter((name) => !tabled.has(name))).toEqual([]);
    for (const c of cases) {
      expect(c.action.input.safeParse({ ...c.input, limit: 100 }).success).toBe(true);
      expect(c.action.input.safeParse({ ...c.input, limit: 101 }).success).toBe(false);
    }
  });
});
