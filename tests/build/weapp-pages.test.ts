/** @jest-environment jsdom */
/**
 * The COMPILED WeChat pages (client/dist/weapp), run in miniprogram-simulate: Taro's app.js and
 * page bundles execute as WeChat would run them, against a fake `wx` whose cloud functions answer
 * from a table. Each page is a Taro `Page(...)`, which the shim registers as a custom component.
 * The simulator prefixes class names in the DOM with the component's tag (`main--`); its own
 * `querySelector` takes them unprefixed.
 */
import { deployedFunctionOf, deployedFunctions } from '@shared/areas';
import type { FunctionName } from '@shared/contracts/action';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { areaPagesIn } from '@shared/areas';
import type { Role } from '@shared/model/member.model';
import { periodFigures, type ReportRepair } from '@shared/domain/report.rules';
import * as reports from '@shared/contracts/reports.contract';
import { reportsTexts } from '@shared/messages/reports.zh-CN';
import { ok, okPage, PROPERTY, repair, sessionHandlers as plainSession } from '../client/support/fixtures';
import { recordingCanvas } from './recording-canvas';

const root = resolve(__dirname, '..', '..');
const client = join(root, 'client');
const weapp = join(client, 'dist', 'weapp');

/** The parts of miniprogram-simulate and j-component these tests use (the package ships loose types). */
interface SimNode {
  dom: HTMLElement;
  querySelector: (selector: string) => SimNode | null;
  querySelectorAll: (selector: string) => SimNode[];
  dispatchEvent: (event: string, detail?: object) => void;
  attach: (parent: Element) => void;
}
interface Simulate {
  load: (path: string, options: { rootPath: string }) => string;
  render: (id: string) => SimNode;
}

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string };
type Handler = (input: Record<string, unknown>) => Reply;

const lift = repair({
  id: 'r-lift',
  category: 'elevator',
  description: '电梯有人被困',
  priority: 'urgent',
  triage: { urgent: true, rule: 'R3.1', matched: '被困' },
  createdAt: '2026-11-23T03:00:00.000Z',
});

/**
 * The app loads its session once and keeps it for every page that follows, so each session here
 * carries a subscribe stock: none of the templates has a send left.
 */
const sessionHandlers = (role: Role, rooms: Array<{ roomId: string; label: string }> = []) => {
  const base = plainSession(role, rooms);
  const subscribe = { templates: [{ kind: 'repair.new', templateId: 'tmplNewRepair', remaining: 0 }], low: true };
  return { ...base, 'session.context': () => ok({ ...base['session.context']().data, subscribe }) };
};

/** What the fake cloud answers, switched per test; every call is recorded. */
let handlers: Record<string, Handler> = {};
const calls: string[] = [];
const navigations: string[] = [];
const phoneCalls: string[] = [];
/** The signals watch as the cloud database runs it: the latest `onChange`, the ids it was asked for, how many are open. */
let signalWatch: ((snapshot: object) => void) | null = null;
let watchedIds: string[] = [];
let openWatches = 0;
/** What the app registered with `wx.onAppHide` / `wx.onAppShow`. */
const appHidden: Array<() => void> = [];
const appShown: Array<() => void> = [];
/** The app's consent handler, as the app registered it with WeChat at start. */
let privacyListener: ((resolve: (option: object) => void, info: object) => void) | null = null;
/** The file the next chooseMessageFile picks from a chat, what WeChat's file system holds, and each upload to cloud storage. */
const chatFiles: Record<string, string> = {};
const uploads: Array<{ cloudPath: string; filePath: string }> = [];
let nextChatFile: { path: string; name: string; size: number } | null = null;
/** Each subscribe-message prompt: the templates asked for, and which functions had been called by then. */
const subscribeAsks: Array<{ ids: string[]; calledBefore: string[] }> = [];
/** The `<canvas type="2d">` nodes a selector query finds, by id, and the ids asked for. */
const canvases: Record<string, ReturnType<typeof recordingCanvas>> = {};
const queried: string[] = [];

/** WeChat's SelectorQuery as the chart asks it: one node by id, with its node and laid-out size (343 × 240, a phone's card). */
const selectorQuery = () => {
  const asked: string[] = [];
  const query = {
    in: () => query,
    select: (selector: string) => {
      asked.push(selector.replace(/^#/, ''));
      return { fields: () => query, boundingClientRect: () => query };
    },
    exec: (done?: (res: unknown[]) => void) => {
      queried.push(...asked);
      done?.(asked.map((id) => (canvases[id] ? { node: canvases[id].node, width: 343, height: 240 } : null)));
    },
  };
  return query;
};


const fakeWx = {
  cloud: {
    DYNAMIC_CURRENT_ENV: 'current-env',
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: { action: string; input: Record<string, unknown> } }) => {
      // Keyed by the area whose action it is; a deployed function answers only its own actions (issue 16: the registry's parts).
      const area = deployedFunctions.find((f) => f.name === name)?.area ?? name;
      const key = `${area}.${data.action}`;
      calls.push(key);
      const handler = deployedFunctionOf({ fn: area as FunctionName, name: data.action }) === name ? handlers[key] : undefined;
      return { result: handler ? handler(data.input) : { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '暂不支持' } };
    },
    database: () => ({
      command: { in: (ids: string[]) => ({ $in: ids }) },
      collection: () => ({
        where: (query: { _id: { $in: string[] } }) => ({
          watch: ({ onChange }: { onChange: (snapshot: object) => void }) => {
            signalWatch = onChange;
            watchedIds = query._id.$in;
            openWatches += 1;
            let open = true;
            return {
              close: () => {
                if (open) openWatches -= 1;
                open = false;
                return Promise.resolve();
              },
            };
          },
        }),
      }),
    }),
    uploadFile: ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
      if (chatFiles[filePath] === undefined) return Promise.reject(new Error('uploadFile:fail file not found'));
      uploads.push({ cloudPath, filePath });
      return Promise.resolve({ fileID: `cloud://current-env.bucket/${cloudPath}`, statusCode: 204, errMsg: 'cloud.uploadFile:ok' });
    },
  },
  getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  createSelectorQuery: selectorQuery,
  navigateTo: (opts: { url: string; success?: () => void }) => {
    navigations.push(opts.url);
    opts.success?.();
  },
  makePhoneCall: (opts: { phoneNumber: string; success?: () => void }) => {
    phoneCalls.push(opts.phoneNumber);
    opts.success?.();
  },
  stopPullDownRefresh: () => undefined,
  onAppHide: (listener: () => void) => appHidden.push(listener),
  onAppShow: (listener: () => void) => appShown.push(listener),
  showToast: () => undefined,
  onNeedPrivacyAuthorization: (listener: typeof privacyListener) => {
    privacyListener = listener;
  },
  openPrivacyContract: () => undefined,
  /** WeChat's one-time subscribe prompt, answered "allow" for every template. */
  requestSubscribeMessage: (opts: { tmplIds: string[]; success?: (res: object) => void }) => {
    subscribeAsks.push({ ids: opts.tmplIds, calledBefore: [...calls] });
    opts.success?.({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) });
  },
  /** Like WeChat's own since base library 2.10.2: called without callbacks, it answers a promise. */
  chooseMessageFile: (_opts: { extension?: string[] }) =>
    nextChatFile ? Promise.resolve({ tempFiles: [nextChatFile], errMsg: 'chooseMessageFile:ok' }) : Promise.reject(new Error('chooseMessageFile:fail cancel')),
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

const settle = (ms = 50) => new Promise((done) => setTimeout(done, ms));

const until = async (ready: () => boolean, what: string, timeout = 3000) => {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await settle(20);
  }
};

/** The route of the page being loaded, which WeChat gives each page instance as `route`. */
let loadingRoute = '';
/** The query the page is opened with, which WeChat hands to onLoad. */
let loadingQuery: Record<string, string> = {};
let simulate: Simulate;

/** WeChat's globals as Taro's bundles use them; `Page` becomes a custom component for the simulator. */
const installShim = () => {
  const g = globalThis as unknown as Record<string, unknown>;
  let app: Record<string, unknown> = {};
  g.wx = fakeWx;
  g.App = (options: Record<string, unknown>) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.Page = (options: Record<string, unknown>) => {
    const route = loadingRoute;
    const query = loadingQuery;
    const methods = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'function'));
    type PageInstance = Record<string, unknown> & { route?: string };
    const lifecycle = (self: PageInstance, name: string, ...args: unknown[]) => {
      const fn = self[name];
      if (typeof fn === 'function') fn.apply(self, args);
    };
    (g.Component as (definition: object) => void)({
      data: options.data,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = route;
          lifecycle(this, 'onLoad', query);
          lifecycle(this, 'onShow');
          lifecycle(this, 'onReady');
        },
      },
    });
  };
  // Required, not imported: the simulator registers its globals on require
  simulate = require('miniprogram-simulate') as Simulate;
  require(join(weapp, 'app.js'));
  const onLaunch = app.onLaunch;
  if (typeof onLaunch === 'function') onLaunch.call(app, { path: 'pages/index/index', query: {} });
};

const openPage = async (route: string, query: Record<string, string> = {}): Promise<SimNode> => {
  loadingRoute = route;
  loadingQuery = query;
  const page = simulate.render(simulate.load(join(weapp, route), { rootPath: weapp }));
  page.attach(document.createElement('parent-wrapper'));
  await settle();
  return page;
};

const text = (node: SimNode | null) => node?.dom.textContent ?? '';

/** The node Taro rendered with this class, as the page's data holds it for the templates in base.wxml. */
const renderedNode = (page: SimNode, className: string): Record<string, unknown> | null => {
  const walk = (node: unknown): Record<string, unknown> | null => {
    if (typeof node !== 'object' || node === null) return null;
    const n = node as Record<string, unknown>;
    if (typeof n.cl === 'string' && n.cl.split(' ').includes(className)) return n;
    for (const child of Object.values(n)) {
      const found = Array.isArray(child) ? child.map(walk).find(Boolean) : typeof child === 'object' ? walk(child) : null;
      if (found) return found;
    }
    return null;
  };
  return walk((page as unknown as { instance: { data: unknown } }).instance.data);
};

beforeAll(() => {
  if (!existsSync(join(weapp, 'app.json'))) {
    try {
      execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
        cwd: client,
        stdio: 'pipe',
        timeout: 240_000,
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch (e) {
      throw new Error(`client/dist/weapp is missing and \`npx taro build --type weapp\` in client/ failed: ${String(e)}`);
    }
  }
  installShim();
}, 300_000);

beforeEach(() => {
  calls.length = 0;
  navigations.length = 0;
  phoneCalls.length = 0;
  subscribeAsks.length = 0;
});

describe('weapp app.json', () => {
  it('has a small main package, one subpackage per role (the company\'s administrator\'s too, issue 14), one for binding a room and one for the inbox, without the dev sign-in page; the going-live pages are in the supervisor\'s', () => {
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages: Array<{ root: string; pages: string[] }>;
      preloadRule?: Record<string, { packages: string[] }>;
    };
    expect(app.pages).toEqual(['pages/index/index']);
    expect(app.subPackages).toEqual([
      {
        root: 'pages/resident',
        pages: ['home/index', 'repair-new/index', 'repairs/index', 'repair/index', 'complaint-new/index', 'complaints/index', 'complaint/index', 'my-data/index', 'bookings/index', ...areaPagesIn('resident')],
      },
      { root: 'pages/technician', pages: ['orders/index', 'order/index', ...areaPagesIn('technician')] },
      {
        root: 'pages/desk',
        pages: ['inbox/index', 'repair/index', 'register/index', 'callbacks/index', 'complaints/index', 'complaint/index', 'complaint-register/index', 'bindings/index', 'bookings/index', 'reception/index', 'group-visits/index', ...areaPagesIn('desk')],
      },
      {
        root: 'pages/supervisor',
        pages: [
          'home/index',
          'scorecards/index',
          'send-backs/index',
          'complaint-register/index',
          'complaint-figures/index',
          'members/index',
          'import/index',
          'settings/index',
          'erasures/index',
          'health/index',
          'callback-figures/index',
          ...areaPagesIn('supervisor'),
        ],
      },
      { root: 'pages/reports', pages: areaPagesIn('reports') },
      { root: 'pages/admin', pages: ['company/index', ...areaPagesIn('admin')] },
      { root: 'pages/inbox', pages: ['index'] },
      { root: 'pages/join', pages: ['bind/index'] },
    ]);
  });

  it('asks WeChat to check privacy consent before a privacy API\'s first use', () => {
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { __usePrivacyCheck__?: boolean };
    expect(app.__usePrivacyCheck__).toBe(true);
  });

  it('preloads the technician\'s subpackage from the landing page, so his pages open with no signal', () => {
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { preloadRule?: Record<string, { packages: string[] }> };
    expect(app.preloadRule?.['pages/index/index']?.packages).toContain('pages/technician');
  });

  it('carries no dev sign-in code or text anywhere in dist/weapp', () => {
    const markers = ['dev-login', 'devToken', '/api/', 'EventSource', 'Dev ', '演示', '身份进入'];
    const leaks = files(weapp).flatMap((file) => {
      const content = readFileSync(file, 'utf8');
      return markers.filter((m) => content.includes(m)).map((m) => `${relative(weapp, file)}: ${m}`);
    });
    expect(leaks).toEqual([]);
  });
});

describe('compiled pages in miniprogram-simulate', () => {
  it('resident home: 报修 is one tap away, and the desk phone one more', async () => {
    handlers = { ...sessionHandlers('resident', [{ roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' }]), 'repairs.listMine': () => okPage([]) };
    const page = await openPage('pages/resident/home/index');
    await until(() => text(page.querySelector('.btn-new-repair')) !== '', 'the repair button');

    const entry = page.querySelector('.btn-new-repair');
    expect(text(entry)).toContain('报修');
    entry?.dispatchEvent('tap');
    await settle();
    expect(navigations).toEqual(['/pages/resident/repair-new/index']);

    await until(() => page.querySelector('.btn-call-desk') != null, 'the desk phone button');
    expect(text(page.querySelector('.btn-call-desk'))).toContain('0571-88886666');
    page.querySelector('.btn-call-desk')?.dispatchEvent('tap');
    await settle();
    expect(phoneCalls).toEqual(['0571-88886666']);
    expect(calls).toEqual(expect.arrayContaining(['session.me', 'session.context', 'repairs.listMine']));
  });

  it('repair form: her room already chosen, category tiles with words, and the send button', async () => {
    handlers = sessionHandlers('resident', [{ roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' }]);
    const page = await openPage('pages/resident/repair-new/index');
    await until(() => page.querySelector('.btn-submit-repair') != null && text(page.querySelector('.chip-on')) !== '', 'the form with her room');

    expect(text(page.querySelector('.chip-on'))).toBe('1-1-101');
    expect(page.querySelectorAll('.category-tile')).toHaveLength(9);
    expect(text(page.querySelector('.category-water'))).toContain('给排水');
    expect(text(page.querySelector('.btn-submit-repair'))).toBe('提交报修');
  });

  it('desk inbox: urgent on top with its rule, as the function orders it, and a new one shows when the signal moves', async () => {
    let items = [lift, repair({ id: 'r-door', category: 'door_window' })];
    handlers = { ...sessionHandlers('desk'), 'repairs.inbox': () => okPage(items) };
    const page = await openPage('pages/desk/inbox/index');
    await until(() => page.querySelectorAll('.repair-card').length === 2, 'two cards');

    const first = page.querySelectorAll('.repair-card')[0]?.dom;
    expect(first?.querySelector('.main--urgent-badge')?.textContent).toBe('急修');
    expect(first?.querySelector('.main--triage-rule')?.textContent).toBe('电梯失控或有人被困');

    await until(() => signalWatch !== null, 'the signal watch');
    items = [
      lift,
      repair({ id: 'r-burst', priority: 'urgent', triage: { urgent: true, rule: 'R3.4', matched: '爆管' }, createdAt: '2026-11-23T04:00:00.000Z' }),
      ...items.slice(1),
    ];
    signalWatch?.({ type: 'update', docs: watchedIds.map((_id) => ({ _id, seq: 9 })) });

    await until(() => page.querySelectorAll('.repair-card').length === 3, 'the new urgent repair');
    const rules = page.querySelectorAll('.triage-rule').map(text);
    expect(rules).toEqual(['电梯失控或有人被困', '水泵故障、水表内爆管停水，或水龙头严重漏水']);
  });

  it('the cloud watch closes when WeChat hides the app and reopens when it shows it again (issue 13.1.8)', async () => {
    handlers = { ...sessionHandlers('desk'), 'complaints.inbox': () => ok({ items: [] }) };
    await openPage('pages/desk/complaints/index');
    await until(() => openWatches === 1, 'the signal watch');

    appHidden.forEach((listener) => listener());
    expect(openWatches).toBe(0);

    appShown.forEach((listener) => listener());
    expect(openWatches).toBe(1);
    expect(watchedIds.length).toBeGreaterThan(0);
  });

  it('room import (13.1.5): a spreadsheet chosen from a WeChat chat goes to the manager\'s storage folder, the call names it, and its rows are reported', async () => {
    chatFiles['wxfile://tmp/rooms.csv'] = '楼栋,单元,房号\n9,,101\n';
    nextChatFile = { path: 'wxfile://tmp/rooms.csv', name: 'rooms.csv', size: 20 };
    const sent: Record<string, unknown>[] = [];
    handlers = {
      ...sessionHandlers('manager'),
      'imports.start': (input) => {
        sent.push(input);
        const refused = { id: null, status: 'refused', fileName: 'rooms.csv', total: 0, written: 0, added: 0, existing: 0, fileProblem: null };
        return ok({ ...refused, problems: [{ line: 2, problem: 'missing_unit', firstLine: null }] });
      },
    };
    const page = await openPage('pages/supervisor/import/index');
    await until(() => page.querySelector('.btn-choose-file') != null, 'the import page');
    expect(page.dom.querySelector('.main--btn-template-xlsx')).not.toBeNull();
    expect(page.dom.querySelector('.main--btn-template-csv')).toBeNull();

    page.querySelector('.btn-choose-file')?.dispatchEvent('tap');
    const problem = () => page.dom.querySelector('.main--import-problem');
    await until(() => problem() != null, 'the refused rows');
    expect(uploads).toEqual([{ cloudPath: expect.stringMatching(/^uploads\/mb_1\/[A-Za-z0-9_-]{24}\.csv$/), filePath: 'wxfile://tmp/rooms.csv' }]);
    expect(sent[0]).toMatchObject({ propertyId: PROPERTY, fileName: 'rooms.csv', fileId: `cloud://current-env.bucket/${uploads[0]?.cloudPath}` });
    expect(sent[0]).not.toHaveProperty('contentBase64');
    expect(problem()?.textContent).toBe('第 2 行：没有填单元');
  });

  it('privacy consent: the call waits until WeChat\'s own agree button is tapped in the app\'s dialog', async () => {
    handlers = { ...sessionHandlers('manager'), 'members.list': () => okPage([]), 'members.invitations': () => okPage([]) };
    const page = await openPage('pages/supervisor/members/index');
    await until(() => page.dom.querySelector('.main--btn-invite') != null, 'the members page');
    const dialog = () => page.dom.querySelector('.main--privacy-dialog');
    expect(privacyListener).not.toBeNull();
    expect(dialog()).toBeNull();

    const answers: object[] = [];
    privacyListener?.((option) => answers.push(option), { referrer: 'setClipboardData' });
    await until(() => dialog() != null, 'the consent dialog');
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    const agree = page.querySelector('.btn-privacy-agree');
    // The simulator's button drops open-type; WeChat reads it from the node Taro renders, as base.wxml binds it.
    const rendered = renderedNode(page, 'btn-privacy-agree');
    expect(rendered).toMatchObject({ uid: 'privacy-agree', p11: 'agreePrivacyAuthorization' });
    expect(readFileSync(join(weapp, 'base.wxml'), 'utf8')).toMatch(/<button[^>]*open-type="\{\{i\.p11\}\}"/);

    agree?.dispatchEvent('tap');
    await settle();
    expect(answers).toHaveLength(1);
    agree?.dispatchEvent('agreeprivacyauthorization');
    await until(() => answers.length === 2, 'the answer');
    expect(answers[1]).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
    await until(() => dialog() === null, 'the dialog to close');
  });

  it('desk dispatch: WeChat\'s subscribe prompt opens inside the tap, before the dispatch is sent, and its answer is reported', async () => {
    const burst = repair({ id: 'r-burst', version: 3, actions: ['dispatch'], priority: 'urgent', triage: { urgent: true, rule: 'R3.4', matched: '爆管' } });
    const consents: Record<string, unknown>[] = [];
    handlers = {
      ...sessionHandlers('desk'),
      'repairs.get': () => ok({ ...burst, history: [] }),
      'repairs.technicians': () =>
        ok({ items: [{ memberId: 'tech-li', name: '李师傅', skills: ['plumbing'], openOrders: 1, skillMatch: true, reason: '会水暖' }] }),
      'repairs.dispatch': () => ok({ ...burst, status: 'dispatched', version: 4, actions: [] }),
      'session.consent': (input) => {
        consents.push(input);
        return ok({ templates: [{ kind: 'repair.new', templateId: 'tmplNewRepair', remaining: 1 }], low: true });
      },
    };
    const page = await openPage('pages/desk/repair/index', { id: 'r-burst' });
    await until(() => page.querySelector('.btn-dispatch') != null, 'the dispatch button');
    // The panel renders again as its suggestions settle; a tap before that finds no node to dispatch to.
    await settle(300);

    page.querySelector('.btn-dispatch')?.dispatchEvent('tap');

    await until(() => subscribeAsks.length === 1, 'the prompt');
    expect(subscribeAsks[0]?.ids).toEqual(['tmplNewRepair']);
    expect(subscribeAsks[0]?.calledBefore).not.toContain('repairs.dispatch');
    await until(() => calls.includes('repairs.dispatch'), 'the dispatch');
    await until(() => consents.length === 1, 'the consent report');
    expect(consents[0]).toMatchObject({ propertyId: PROPERTY, accepted: ['tmplNewRepair'], rejected: [] });
  });

  it("inbox: its own small subpackage lists a resident's notices as one thread per repair, and a tap on the thread opens the repair (issue 18, 3)", async () => {
    // The app keeps the session the first page loaded: the resident's.
    const line = (id: string, body: string, at: string) => ({
      id,
      kind: 'repair.changed',
      title: '报修单有新进展',
      body,
      urgent: false,
      at,
      subject: { kind: 'repair', id: 'r-burst' },
    });
    handlers = {
      ...sessionHandlers('resident'),
      'session.inbox': () => okPage([line('n2', '李师傅已出发', '2026-11-23T03:00:00.000Z'), line('n1', '已派给李师傅', '2026-11-23T02:30:00.000Z')]),
    };
    const page = await openPage('pages/inbox/index');
    await until(() => text(page.querySelector('.inbox-title')) === '报修单有新进展', 'the thread');
    expect(page.querySelectorAll('.inbox-thread')).toHaveLength(1);
    expect(text(page.querySelector('#thread-r-burst .inbox-latest'))).toBe('李师傅已出发');
    expect(text(page.querySelector('#thread-r-burst .inbox-earlier-body'))).toBe('已派给李师傅');
    await settle(300);

    page.querySelector('#thread-r-burst')?.dispatchEvent('tap');
    await until(() => navigations.length === 1, 'the repair to open');
    expect(navigations).toEqual(['/pages/resident/repair/index?id=r-burst']);
  });

  it("R12: the report's rate chart draws on its 2d canvas with the period's figures, this month against the last (issue 17)", async () => {
    const order = (id: string, category: ReportRepair['category'], days: number): ReportRepair => ({
      id,
      category,
      building: '1',
      status: 'signed',
      dispatchedAt: '2026-11-02T02:00:00.000Z',
      completedAt: new Date(Date.parse('2026-11-02T02:00:00.000Z') + days * 86_400_000).toISOString(),
      pausedMs: 0,
      technician: { memberId: 'tech-li', name: '李师傅' },
      rating: null,
    });
    const figures = (repairs: ReportRepair[], calledBack: string[]) => periodFigures({ repairs, complaints: [], tasks: [], repairsCalledBack: new Set(calledBack), complaintsCalledBack: new Set() });
    // This month: 3 of 4 back within 3 days (75 %), 2 called back (50 %); last month: 1 of 2 (50 %), none called back.
    const answer = reports.period.output.parse({
      period: '2026-11',
      previous: '2026-10',
      current: figures([order('a', 'water', 1), order('b', 'water', 2), order('c', 'electrical', 1), order('d', 'elevator', 5)], ['a', 'b']),
      before: figures([order('e', 'water', 1), order('f', 'door_window', 6)], []),
    });
    handlers = { ...sessionHandlers('supervisor'), 'reports.period': () => ok(answer) };
    canvases['chart-rates'] = recordingCanvas();
    canvases['chart-categories'] = recordingCanvas();

    // The reports subpackage carries uCharts: its first load takes seconds here.
    const page = await openPage('pages/reports/report/index');
    await until(() => page.querySelector('#chart-rates') != null, 'the rate chart\'s canvas');
    await until(() => canvases['chart-rates']!.texts().length > 0, 'the rate chart drawn');
    await until(() => canvases['chart-categories']!.texts().length > 0, 'the category chart drawn');

    expect(calls).toContain('reports.period');
    expect(queried).toEqual(expect.arrayContaining(['chart-rates', 'chart-categories']));
    const rates = canvases['chart-rates']!;
    // Sized for the device: the laid-out 343 × 240 at pixel ratio 2.
    expect([rates.node.width, rates.node.height]).toEqual([686, 480]);
    const texts = rates.texts();
    expect(texts).toEqual(expect.arrayContaining([reportsTexts.current, reportsTexts.previous, '75', '50', '0']));
    expect(rates.drawn.filter((d) => d.method === 'fill').length).toBeGreaterThanOrEqual(8);
    expect(canvases['chart-categories']!.texts()).toEqual(expect.arrayContaining(['给排水', '2', '1']));
  }, 30_000);
});
