import { createRuntime, type Runtime } from '../../local/runtime';
import { unindexedQueries } from '../../local/db';
import { handle as pushes } from '../../cloudfunctions/pushes/handle';
import { tickTimers as tickEveryTimer } from '../../local/timers';
import { TIMER_FUNCTIONS } from '@shared/model/environment.model';
import type { FunctionHandle } from '../../cloudfunctions/_shared/router';
import { areaDeclaration } from '../../cloudfunctions/manifest';
import { functionNames, isCompanyAction, type Action, type Output } from '@shared/contracts';
import { deployedFunctionOf, deployedFunctions, type DeployedFunction } from '@shared/areas';
import type { Role } from '@shared/model/member.model';
import { messages } from '@shared/messages';
import type { Result } from '@shared/result';
import type { CallCount } from '../../local/call-meter';
import { journalStep } from '../../cloudfunctions/_shared/journal-step';
import { startSweep } from '../../cloudfunctions/_shared/sweep';

const handleOf = (name: string) => (require(`../../cloudfunctions/${name}/handle`) as { handle: FunctionHandle }).handle;

/** Every deployed function by the registry (issue 15, 1; issue 16: each area's own and its parts), the platform's timers (TIMER_FUNCTIONS) and push receiver. */
export const functions = {
  ...(Object.fromEntries(deployedFunctions.map(({ name }) => [name, handleOf(name)])) as Record<DeployedFunction, FunctionHandle>),
  ...(Object.fromEntries(TIMER_FUNCTIONS.map((name) => [name, handleOf(name)])) as Record<(typeof TIMER_FUNCTIONS)[number], FunctionHandle>),
  pushes,
};

/** Issue 16: one minute of the timers at the test's clock: every timer function ticked by its trigger, answered as one run (local/timers.ts). */
export const tickTimers = (rt: Runtime) => tickEveryTimer(rt, rt.deps.now());

/** The bootstrap secret the test environment is configured with (Deps.bootstrapSecret). */
export const TEST_BOOTSTRAP_SECRET = 'test-bootstrap-secret-7f3a';

/** What the first person of a new environment sends to `members.bootstrap`. */
export const bootstrapInput = (over: Record<string, unknown> = {}) => ({
  commandId: newCommandId(),
  secret: TEST_BOOTSTRAP_SECRET,
  propertyId: 'green-court',
  propertyName: '翠湖苑',
  deskPhone: '021-66660000',
  name: '许主任',
  phone: '13500000008',
  ...over,
});

/** A clock the test moves by hand. */
export const testClock = (start: string) => {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => {
      current = new Date(iso);
    },
    advanceMinutes: (m: number) => {
      current = new Date(current.getTime() + m * 60_000);
    },
  };
};

/** Monday 2026-11-23 10:00 Shanghai: 陈晓 is on the 早班. */
export const MORNING = '2026-11-23T02:00:00.000Z';

const started: Runtime[] = [];

/**
 * The collections of the entities with a state machine: each change of their status commits its event (issue 15, 2).
 * Derived from the registry (issue 15, 1): each area's `area.json` names its own collections that a machine governs
 * under `machines` (tests/build/registry.test.ts holds each to a collection the area declares).
 */
export const MACHINE_COLLECTIONS: readonly string[] = functionNames.flatMap((name) => areaDeclaration(name).machines ?? []);

export const startRuntime = async (clock = testClock(MORNING), options: { seed?: boolean } = {}): Promise<Runtime & { clock: typeof clock }> => {
  const runtime = await createRuntime({
    dataDir: null,
    functions,
    now: clock.now,
    seed: options.seed,
    bootstrapSecret: TEST_BOOTSTRAP_SECRET,
    checkStatusEvents: MACHINE_COLLECTIONS,
  });
  started.push(runtime);
  return Object.assign(runtime, { clock });
};

/**
 * Every query the functions ran in this test file must be served by an index declared in the
 * manifest, or the file fails: an unindexed query works locally and times out in the cloud.
 * (Assertions read raw documents through `rt.engine`, so only the functions' queries are logged.)
 * Outside jest (the bench walks the call journeys) there is no test file to fail.
 */
if (typeof afterAll === 'function') afterAll(() => {
  const unindexed = started.flatMap((rt) => unindexedQueries(rt.engine.queryLog, rt.engine.manifest));
  const withoutEvent = started.flatMap((rt) => rt.engine.statusViolations);
  started.length = 0;
  expect(unindexed).toEqual([]);
  expect(withoutEvent).toEqual([]);
});

/** The committed documents of a collection, read around the SDK so the query log holds only the functions' queries. */
/** The deadline warnings and breaches the outbox holds about any of these rules (a notice names its rule's words). */
export const deadlineNotices = (runtime: Runtime, ...rules: (keyof typeof messages.deadlineRules)[]) =>
  raw<{ kind: string; body: string; subject: { id: string } }>(runtime, 'outbox').filter((n) => n.kind.startsWith('deadline.') && rules.some((rule) => n.body.includes(messages.deadlineRules[rule])));

/** What the engine answers for a request the network lost (CloudBase's DATABASE_REQUEST_FAILED). */
export const networkDown = { code: 'DATABASE_REQUEST_FAILED', message: 'network' } as const;

/**
 * Runs `call` with every request it issues after its first commit failing, as a call that dies right after
 * committing (a lost network or a killed instance): nothing it would store after its commit is stored.
 */
export const dyingAfterCommit = async <T>(runtime: Runtime, call: () => Promise<T>): Promise<T> => {
  const handle = runtime.engine.handle.bind(runtime.engine);
  let dead = false;
  runtime.engine.handle = async (action, params = {}) => {
    if (dead) return { ...networkDown, requestId: 'injected' };
    const answer = await handle(action, params);
    if (action === 'database.commitTransaction') dead = true;
    return answer;
  };
  try {
    return await call();
  } finally {
    runtime.engine.handle = handle;
  }
};

export const raw = <T = Record<string, unknown>>(runtime: Runtime, collection: string) => runtime.engine.collection(collection).all() as T[];

/**
 * Issue 16: the events collection once the timer's journal step has stored what the commands so far journaled
 * (a command's events are stored by that step, not by its call: `fanOut`, commands.ts). Runs the real
 * step alone, as the timer's first step does every minute, then reads the collection as stored.
 */
export const storedEvents = async <T = Record<string, unknown>>(runtime: Runtime): Promise<T[]> => {
  await journalStep(startSweep(runtime.deps, 'journal'));
  return raw<T>(runtime, 'events');
};

/**
 * The length of every `in` list the functions send from now until `end()` (issue 16: no list over 100 values), read
 * off the requests as the database receives them.
 */
export const inListLengths = (runtime: Runtime) => {
  const lengths: number[] = [];
  const handle = runtime.engine.handle.bind(runtime.engine);
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.startsWith('{')) {
      try {
        walk(JSON.parse(value));
      } catch {
        // not a JSON query
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (k === '$in' && Array.isArray(v)) lengths.push(v.length);
        walk(v);
      }
  };
  runtime.engine.handle = async (action, params = {}) => {
    walk(params);
    return handle(action, params);
  };
  return { lengths, end: () => void (runtime.engine.handle = handle) };
};

let commandSeq = 0;
export const newCommandId = () => `cmd-test-${Date.now().toString(36)}-${(commandSeq++).toString(36)}`;

/**
 * Issue 14: how the router refuses a role an action is not for. Memberships are scoped: the company's
 * administrator holds none in a property, and a property's people hold none in the company, so
 * across that line the caller is no member; within it the role is forbidden.
 */
export const refusalOf = (role: Role, action: Action) =>
  isCompanyAction(action) !== (role === 'admin') ? 'COMMON.NOT_A_MEMBER' : 'COMMON.FORBIDDEN';

/** Calls an action as `openid`, with the event shape a client sends. */
export const callAs = <A extends Action>(runtime: Runtime, openid: string, action: A, input: unknown) =>
  runtime.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid }) as Promise<Result<Output<A>>>;

export const expectOk = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.data;
};

export const PROPERTY = 'demo';
export const WANG = 'o-res-wang';
export const ZHANG = 'o-res-zhang';
export const DESK_ON_SHIFT = 'o-desk-chen';
export const DESK_OTHER = 'o-desk-lin';
export const TECH_LI = 'o-tech-li';
export const TECH_MA = 'o-tech-ma';
export const SUPERVISOR = 'o-sup-liu';
export const MANAGER = 'o-mgr-zhou';
/** Issue 14: the seeded company's administrator, a member of no property. */
export const ADMIN = 'o-admin-gao';
export const WANG_ROOM = 'demo:1-1-101';
export const ZHANG_ROOM = 'demo:1-2-1502';
export const memberIdOf = (openid: string) => `mb_${openid.replace(/[^a-z0-9]/gi, '')}`;

/** A second property, 翠湖苑: the other side of every test that a membership acts only in its own property. */
export const OTHER_PROPERTY = 'other';
export const OTHER_DESK = 'o-other-desk';

interface OtherMember {
  id: string;
  openid: string;
  role: Role;
  name: string;
  roomIds?: readonly string[];
}

/** Seeds 翠湖苑 with its members (by default only its desk, 外盘客服) and any rooms, given as `building-unit-room`. */
export const seedOtherProperty = async (
  runtime: Runtime,
  members: readonly OtherMember[] = [{ id: 'mb_otherdesk', openid: OTHER_DESK, role: 'desk', name: '外盘客服' }],
  rooms: readonly string[] = [],
): Promise<void> => {
  const { db } = runtime;
  await db.collection('properties').doc(OTHER_PROPERTY).set({ data: { propertyId: OTHER_PROPERTY, schemaVersion: 1, name: '翠湖苑', deskPhone: '021-66660000' } });
  for (const room of rooms) {
    const [building, unit, number] = room.split('-');
    await db.collection('rooms').doc(`${OTHER_PROPERTY}:${room}`).set({ data: { propertyId: OTHER_PROPERTY, schemaVersion: 1, building, unit, room: number } });
  }
  for (const [n, { id, openid, role, name, roomIds = [] }] of members.entries()) {
    await db.collection('members').doc(id).set({
      data: { propertyId: OTHER_PROPERTY, schemaVersion: 2, openid, role, status: 'active', name, phone: `1300000000${n}`, roomIds: [...roomIds], skills: [], vip: false, createdAt: '2026-11-01T00:00:00.000Z' },
    });
  }
};

/** A file as the app uploads it: into the person's own folder in the demo property. */
export const uploadAs = (runtime: Runtime, openid: string, name: string, bytes: Buffer = Buffer.from(`a file named ${name}`)): string => {
  const out = runtime.files.upload(`uploads/${memberIdOf(openid)}/${name}`, bytes);
  if (!('fileID' in out)) throw new Error(`upload of ${name} refused: ${out.error}`);
  return out.fileID;
};

export const repairInput = (overrides: Record<string, unknown> = {}) => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  roomId: WANG_ROOM,
  category: 'water',
  description: '厨房水龙头一直滴水',
  preferredTime: { date: '2026-11-24', slot: 'evening' },
  photos: [],
  ...overrides,
});

/** Issue 18 (5): a repair for a public place with no room: building 1's third-floor corridor light, by default. */
export const publicRepairInput = (place: Record<string, unknown> = { scope: 'building', building: '1', floor: 3 }, overrides: Record<string, unknown> = {}) => {
  const { roomId: _room, ...rest } = repairInput({ category: 'electrical', description: '3楼走廊灯不亮', preferredTime: null, ...overrides });
  return { ...rest, place };
};

/** A resident's complaint (C1) about building 1's lift, from `roomId`. */
export const complaintInput = (roomId: string, over: Record<string, unknown> = {}) => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  roomId,
  category: 'elevator',
  place: { scope: 'building', building: '1' },
  occurredAt: '2026-11-23T01:30:00.000Z',
  target: '电梯维保单位',
  description: '1栋电梯运行时噪音很大',
  request: '尽快检修',
  residentDeadline: null,
  photos: [],
  ...over,
});

/** A resident's complaint about one of several matters (`n` picks the category), for tests that file a few. */
export const complaintAbout = (roomId: string, n: number) =>
  complaintInput(roomId, {
    category: (['service', 'cleaning', 'noise', 'parking', 'fees'] as const)[n % 5],
    target: '物业',
    description: `第${n}件事需要处理`,
    request: '尽快处理',
  });

/**
 * Every document of every collection the manifest declares, read around the SDK: a refused call must
 * leave this exactly as it was.
 */
export const snapshot = async (runtime: Runtime) =>
  Object.fromEntries(Object.keys(runtime.engine.manifest.collections).map((name) => [name, runtime.engine.collection(name).all()] as const));

/**
 * The same dump as one JSON text per collection, for harnesses that compare it around thousands of
 * refused calls: strings compare fast, and a difference still names the collection that changed.
 */
export const dumpText = (runtime: Runtime): Record<string, string> =>
  Object.fromEntries(Object.keys(runtime.engine.manifest.collections).map((name) => [name, JSON.stringify(runtime.engine.collection(name).all())] as const));

/** The call is refused with `code`, and every collection is exactly as it was before it. */
export const expectRefusedUnchanged = async (runtime: Runtime, openid: string, action: Action, input: unknown, code: string) => {
  const before = await snapshot(runtime);
  expect({ openid, result: await callAs(runtime, openid, action, input) }).toMatchObject({ openid, result: { ok: false, code } });
  expect({ openid, after: await snapshot(runtime) }).toEqual({ openid, after: before });
};

/**
 * Holds every transaction's commit until two transactions have read a document of `collection`
 * (or a second has passed), so two calls started together both decide on what they read before
 * either writes.
 */
export const holdCommitsUntilBothRead = (rt: Runtime, collection: string) => {
  const handle = rt.engine.handle.bind(rt.engine);
  let reads = 0;
  let release = () => {};
  const both = new Promise<void>((resolve) => {
    release = resolve;
  });
  let firstCommit: boolean | null = null;
  rt.engine.handle = async (action, params = {}) => {
    if (action === 'database.getDocument' && params.transactionId && params.collectionName === collection && ++reads === 2) release();
    if (action === 'database.commitTransaction') {
      await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 1000))]);
      firstCommit ??= reads >= 2;
    }
    return handle(action, params);
  };
  /** Whether both had read before the first commit went ahead. */
  return { raced: () => firstCommit === true };
};

/** Issue 16: every call's outbound calls as the runtime metered them (local/call-meter.ts), the last call's at `last()`. */
export const watchTraces = (runtime: Runtime) => {
  const traces: CallCount['trace'][] = [];
  runtime.watchCalls((call) => traces.push(call.calls.trace));
  return { last: () => traces.at(-1)! };
};

/**
 * Issue 16: a fresh seeded runtime for each test of the describe it is called in, closed after it, with the trace of
 * its latest call (the wave tests: which reads went out where, what a refusal rolled back).
 */
export const tracedRuntimeEachTest = () => {
  let runtime: Awaited<ReturnType<typeof startRuntime>> | null = null;
  let last: () => CallCount['trace'] = () => [];
  beforeEach(async () => {
    runtime = await startRuntime();
    ({ last } = watchTraces(runtime));
  });
  afterEach(() => runtime?.close());
  return {
    get rt(): Awaited<ReturnType<typeof startRuntime>> {
      return runtime!;
    },
    last: () => last(),
  };
};

/** Issue 16: the call rolled its transaction back and committed none (a refusal leaves nothing written). */
export const expectRolledBack = (trace: CallCount['trace']) => {
  const kinds = trace.map((c) => c.kind);
  expect(kinds).toContain('database.abortTransaction');
  expect(kinds).not.toContain('database.commitTransaction');
};

/** Issue 16: refused with `code` and nothing written (`expectRefusedUnchanged`), its transaction rolled back, never committed. */
export const expectRefusedRolledBack = async (traced: { rt: Runtime; last: () => CallCount['trace'] }, openid: string, action: Action, input: unknown, code: string) => {
  await expectRefusedUnchanged(traced.rt, openid, action, input, code);
  expectRolledBack(traced.last());
};

/** Building 1's residents: 吴芳 shares 王秀英's room 1-1-101, so six residents are five households (a C3 group when all file). */
export const BUILDING_1 = [
  { openid: WANG, roomId: WANG_ROOM },
  { openid: 'o-res-wu', roomId: WANG_ROOM },
  { openid: ZHANG, roomId: 'demo:1-2-1502' },
  { openid: 'o-res-li', roomId: 'demo:1-1-302' },
  { openid: 'o-res-zhao', roomId: 'demo:1-2-601' },
  { openid: 'o-res-zhou', roomId: 'demo:1-1-702' },
] as const;
