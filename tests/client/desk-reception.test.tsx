import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReceptionViewT } from '@shared/contracts/reception.contract';
import { messages } from '@shared/messages';
import DeskReception from '../../client/src/pages/desk/reception';
import DeskGroupVisits from '../../client/src/pages/desk/group-visits';
import DeskInbox from '../../client/src/pages/desk/inbox';
import type { GroupVisitView } from '../../client/src/hooks/useReception';
import { fill, ui } from '../../client/src/i18n/ui.zh-CN';
import { deskUi } from '../../client/src/i18n/desk.zh-CN';
import { formatDue, shanghaiDate, shanghaiInstant, shanghaiTime } from '../../client/src/utils/time';
import { fakeBackend, ok, settle, until, okPage, page } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';

type Handlers = Record<string, (input: Record<string, unknown>) => unknown>;

const t = deskUi.reception;
const g = deskUi.groupVisits;
const today = shanghaiDate(new Date());
const yesterday = shanghaiDate(new Date(), -1);
const tomorrow = shanghaiDate(new Date(), 1);
const refusal = (code: keyof typeof messages.errors) => ({ ok: false, code, message: messages.errors[code] });

const entry = (over: Partial<ReceptionViewT> & { id: string }): ReceptionViewT => ({
  kind: 'phone',
  name: '赵先生',
  address: '2栋1单元301',
  phone: '13600002222',
  subject: '楼上漏水到我家天花板',
  department: '工程部',
  responsible: '李师傅',
  recorder: '小陈',
  at: shanghaiInstant(today, '00:05'),
  settled: false,
  replyBy: shanghaiInstant(tomorrow, '12:00'),
  result: null,
  linked: null,
  version: 1,
  ...over,
});

/**
 * The visits function's reception actions as a small in-memory log: an entry is dated by the
 * Shanghai day it was logged, a result is written once against the version seen, and a group visit
 * lands on the day it arrives. Refusals are the function's own (reception.ts).
 */
const visits = (log: ReceptionViewT[] = []) => {
  const groups: GroupVisitView[] = [];
  const handlers: Handlers = {
    'visits.receptionLog': (input) => ok({ date: input.date, ...page(log.filter((e) => shanghaiDate(new Date(e.at)) === input.date)) }),
    'visits.log': (input) => {
      if (!input.settled && !input.replyBy) return refusal('RECEPTION.REPLY_TIME_REQUIRED');
      const { propertyId: _p, commandId: _c, deviceTime: _d, ...fields } = input;
      const made = { ...entry({ id: `rc${log.length + 1}` }), ...fields, recorder: '王阿姨', at: new Date().toISOString() } as ReceptionViewT;
      log.push(made);
      return ok(made);
    },
    'visits.writeResult': (input) => {
      const i = log.findIndex((e) => e.id === input.receptionId);
      const found = log[i];
      if (!found) return refusal('RECEPTION.NOT_FOUND');
      if (found.version !== input.version) return refusal('COMMON.VERSION_CONFLICT');
      const next = { ...found, version: found.version + 1, settled: true, result: { text: String(input.text), by: '王阿姨', at: new Date().toISOString() } };
      log[i] = next;
      return ok(next);
    },
    'visits.groupVisits': (input) => okPage(groups.filter((v) => shanghaiDate(new Date(v.arrivalAt)) === input.date)),
    'visits.planGroupVisit': (input) => {
      const made: GroupVisitView = {
        id: `gv${groups.length + 1}`,
        names: input.names as string[],
        headcount: Number(input.headcount),
        arrivalAt: String(input.arrivalAt),
        departureAt: String(input.departureAt),
        itinerary: String(input.itinerary),
        host: '王阿姨',
      };
      groups.push(made);
      return ok(made);
    },
  };
  return { handlers, log, groups };
};

const open = async (page: 'reception' | 'groups', handlers: Handlers) => {
  const backend = fakeBackend({ ...sessionHandlers('desk'), ...handlers });
  const view = render(page === 'reception' ? <DeskReception /> : <DeskGroupVisits />);
  const $ = (selector: string) => view.container.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent ?? null;
  const tap = async (selector: string) => {
    const el = $(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    fireEvent.click(el);
    await settle();
  };
  const typeInto = async (selector: string, value: string) => {
    // The form renders once the page has its session: on a busy machine that can land after the list's first answer.
    await until(() => $(selector) !== null).catch(() => undefined);
    const el = $(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    fireEvent.input(el, { target: { value } });
    await settle(10);
  };
  return { ...view, backend, $, text, tap, typeInto };
};

describe('接待记录: the desk logs walk-ins and calls (V1 V2)', () => {
  let toast: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('V1 V2: an unsettled walk-in is logged with everything the record holds and a reply time, and shows in today\'s log', async () => {
    const { handlers, log } = visits();
    const { $, text, tap, typeInto, backend, container } = await open('reception', handlers);
    await until(() => $('.list-empty') !== null);
    expect(text('.list-empty')).toBe(t.empty);
    expect(backend.callsTo('visits.receptionLog')[0]?.input).toEqual({ propertyId: PROPERTY, date: today, limit: 20 });
    // A log looks back: today and the six days before.
    expect(Array.from(container.querySelectorAll('.reception-date-chip')).map((chip) => chip.id)).toEqual(
      Array.from({ length: 7 }, (_, i) => `reception-date-${shanghaiDate(new Date(), -i)}`),
    );
    expect(text(`#reception-date-${yesterday}`)).toBe('昨天');

    await tap('#reception-kind-walk_in');
    await typeInto('.input-reception-name input', '刘女士');
    await typeInto('.input-reception-phone input', '13911112222');
    await typeInto('.input-reception-address input', '3栋2单元1502');
    await typeInto('.input-reception-subject textarea', '咨询停车位月租办理');
    await typeInto('.input-reception-department input', '秩序部');
    await typeInto('.input-reception-responsible input', '周队长');
    await tap(`#reply-date-${tomorrow}`);
    await typeInto('.input-reception-reply-time input', '16：30');
    await tap('.btn-submit-reception');

    await until(() => backend.callsTo('visits.log').length === 1);
    const sent = backend.callsTo('visits.log')[0]?.input;
    expect(sent).toMatchObject({
      propertyId: PROPERTY,
      kind: 'walk_in',
      name: '刘女士',
      phone: '13911112222',
      address: '3栋2单元1502',
      subject: '咨询停车位月租办理',
      department: '秩序部',
      responsible: '周队长',
      settled: false,
      replyBy: shanghaiInstant(tomorrow, '16:30'),
    });
    expect(typeof sent?.commandId).toBe('string');

    await until(() => $('#reception-rc1') !== null);
    const made = log[0];
    expect(made).toBeDefined();
    expect(text('#reception-rc1 .reception-kind')).toBe('来访');
    expect(text('#reception-rc1 .reception-time')).toBe(shanghaiTime(new Date(made?.at ?? '')));
    expect(text('#reception-rc1 .reception-name')).toBe('刘女士');
    expect(text('#reception-rc1 .reception-address')).toBe('3栋2单元1502');
    expect(text('#reception-rc1 .reception-phone')).toBe('13911112222');
    expect(text('#reception-rc1 .reception-subject')).toBe('咨询停车位月租办理');
    expect(text('#reception-rc1 .reception-department')).toBe('责任部门：秩序部');
    expect(text('#reception-rc1 .reception-responsible')).toBe('责任人：周队长');
    expect(text('#reception-rc1 .reception-recorder')).toBe('记录人：王阿姨');
    expect(text('#reception-rc1 .reception-status')).toBe('待答复');
    expect(text('#reception-rc1 .reception-reply-by')).toBe(fill(t.replyByShown, { when: formatDue(shanghaiInstant(tomorrow, '16:30')) }));
    expect(text('#reception-rc1 .reception-reply-by')).toContain('明天 16:30');
    expect($('#reception-rc1 .btn-write-result')).not.toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: t.loggedUnsettled }));
    // The form is empty again for the next caller.
    expect(($('.input-reception-name input') as HTMLInputElement | null)?.value).toBe('');
  });

  it('V1: what was not settled on the spot is refused without a reply time; settled on the spot it needs none', async () => {
    const { handlers } = visits();
    const { $, text, tap, typeInto, backend } = await open('reception', handlers);
    await until(() => $('.list-empty') !== null);

    // Nothing typed: every missing part is named at once, and nothing is sent.
    await tap('.btn-submit-reception');
    expect(text('.error-replyBy')).toBe(t.fieldErrors.replyBy);
    expect(text('.error-name')).toBe(t.fieldErrors.name);
    expect(text('.error-subject')).toBe(t.fieldErrors.subject);

    await typeInto('.input-reception-name input', '赵先生');
    await typeInto('.input-reception-subject textarea', '电梯按钮不灵');
    await tap('.btn-submit-reception');
    expect(text('.error-replyBy')).toBe(t.fieldErrors.replyBy);
    expect($('.error-name')).toBeNull();

    // A day without a time is not a reply time either, nor a time that is no time.
    await tap(`#reply-date-${tomorrow}`);
    await tap('.btn-submit-reception');
    expect(text('.error-replyBy')).toBe(t.fieldErrors.replyBy);
    await typeInto('.input-reception-reply-time input', '25:99');
    await tap('.btn-submit-reception');
    expect(text('.error-replyBy')).toBe(t.badReplyTime);
    expect(backend.callsTo('visits.log')).toHaveLength(0);

    // Settled on the spot: the reply time goes away, and the entry is logged without one.
    await tap('.switch-settled input');
    expect($('.input-reception-reply-time')).toBeNull();
    await tap('.btn-submit-reception');
    await until(() => backend.callsTo('visits.log').length === 1);
    expect(backend.callsTo('visits.log')[0]?.input).toMatchObject({ name: '赵先生', subject: '电梯按钮不灵', kind: 'phone', settled: true, replyBy: null });
    await until(() => text('#reception-rc1 .reception-status') === '当场解决');
    expect($('#reception-rc1 .btn-write-result')).toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: t.logged }));
  });

  it('V2: a call settled on the spot is taken down from the keyboard: Enter moves on, and sends from the last field', async () => {
    const { handlers } = visits();
    const { $, tap, backend } = await open('reception', handlers);
    await until(() => $('.input-reception-name input') !== null);
    const field = (name: string) => $(`.input-reception-${name} input, .input-reception-${name} textarea`) as HTMLElement;
    const typeHere = async (value: string) => {
      fireEvent.input(document.activeElement as Element, { target: { value } });
      await settle(10);
    };
    const enter = async () => {
      fireEvent.keyDown(document.activeElement as Element, { key: 'Enter', keyCode: 13 });
      await settle(10);
    };

    field('name').focus();
    await typeHere('钱先生');
    await enter();
    expect(document.activeElement).toBe(field('phone'));
    await typeHere('13500003333');
    await enter();
    expect(document.activeElement).toBe(field('address'));
    await typeHere('5栋1单元302');
    await enter();
    expect(document.activeElement).toBe(field('subject'));
    await typeHere('问物业费怎么交');
    await tap('.switch-settled input');
    field('department').focus();
    await typeHere('客服中心');
    await enter();
    expect(document.activeElement).toBe(field('responsible'));
    await typeHere('陈晓');
    // Settled on the spot, 责任人 is the last field: Enter sends.
    await enter();

    await until(() => backend.callsTo('visits.log').length === 1);
    expect(backend.callsTo('visits.log')[0]?.input).toMatchObject({
      kind: 'phone',
      name: '钱先生',
      phone: '13500003333',
      address: '5栋1单元302',
      subject: '问物业费怎么交',
      department: '客服中心',
      responsible: '陈晓',
      settled: true,
      replyBy: null,
    });
    await until(() => $('#reception-rc1') !== null);
    expect($('#reception-rc1 .reception-kind')?.textContent).toBe('来电');
  });

  it('V1: the result is written back against the version seen and shown in the log', async () => {
    const { handlers, log } = visits([entry({ id: 'rc7', version: 2 })]);
    const { $, text, tap, typeInto, backend } = await open('reception', handlers);
    await until(() => $('#reception-rc7 .btn-write-result') !== null);
    expect(text('#reception-rc7 .reception-status')).toBe('待答复');
    expect(text('#reception-rc7 .reception-kind')).toBe('来电');

    await tap('#reception-rc7 .btn-write-result');
    expect(text('#reception-rc7 .reception-result-problem')).toBe(t.needResult);
    expect(backend.callsTo('visits.writeResult')).toHaveLength(0);

    await typeInto('#reception-rc7 .input-reception-result textarea', '已请工程部查明是楼上水管渗漏，已修好');
    await tap('#reception-rc7 .btn-write-result');
    await until(() => backend.callsTo('visits.writeResult').length === 1);
    expect(backend.callsTo('visits.writeResult')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      receptionId: 'rc7',
      version: 2,
      text: '已请工程部查明是楼上水管渗漏，已修好',
    });

    await until(() => text('#reception-rc7 .reception-status') === '已答复');
    expect(log[0]?.version).toBe(3);
    expect(text('#reception-rc7 .reception-result-text')).toBe('处理结果：已请工程部查明是楼上水管渗漏，已修好');
    expect(text('#reception-rc7 .reception-result-by')).toContain('王阿姨');
    expect($('#reception-rc7 .btn-write-result')).toBeNull();
    expect($('#reception-rc7 .reception-reply-by')).toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: t.written }));
  });

  it('V1: a result someone else wrote first is not overwritten: the server\'s words, and the log read again', async () => {
    const { handlers, log } = visits([entry({ id: 'rc8', version: 1 })]);
    const { $, text, tap, typeInto, backend } = await open('reception', handlers);
    await until(() => $('#reception-rc8 .btn-write-result') !== null);
    // The page's first reads are done before the colleague's answer lands, so the form is still on screen.
    await settle(200);
    await typeInto('#reception-rc8 .input-reception-result textarea', '我也答复了');
    // A colleague answers while 小陈 types.
    log[0] = { ...entry({ id: 'rc8' }), version: 2, settled: true, result: { text: '已电话答复业主', by: '刘主管', at: new Date().toISOString() } };
    const reads = backend.callsTo('visits.receptionLog').length;
    await tap('#reception-rc8 .btn-write-result');
    await until(() => backend.callsTo('visits.receptionLog').length > reads);
    expect(backend.callsTo('visits.writeResult')[0]?.input).toMatchObject({ receptionId: 'rc8', version: 1 });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: messages.errors['COMMON.VERSION_CONFLICT'] }));
    await until(() => text('#reception-rc8 .reception-result-text') === '处理结果：已电话答复业主');
    expect(text('#reception-rc8 .reception-result-by')).toContain('刘主管');
  });

  it('V2: a call registered as a repair is in the log, linked to its repair', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const repairCall = entry({
      id: 'r9',
      name: '孙阿姨',
      subject: '厨房水管爆了',
      department: messages.receptionLinks.repair,
      responsible: '李师傅',
      settled: true,
      replyBy: null,
      linked: { kind: 'repair', id: 'r9' },
    });
    const { $, text, tap } = await open('reception', visits([repairCall, entry({ id: 'rc1', at: shanghaiInstant(yesterday, '15:00') })]).handlers);
    await until(() => $('#reception-r9') !== null);
    expect($('#reception-rc1')).toBeNull();
    expect(text('#reception-r9 .reception-status')).toBe('已转为报修');
    expect(text('#reception-r9 .reception-name')).toBe('孙阿姨');
    expect(text('#reception-r9 .reception-department')).toBe(`责任部门：${messages.receptionLinks.repair}`);
    expect($('#reception-r9 .btn-write-result')).toBeNull();
    await tap('#reception-r9 .btn-open-linked');
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/repair/index?id=r9' });

    // Yesterday's log has yesterday's entries.
    await tap(`#reception-date-${yesterday}`);
    await until(() => $('#reception-rc1') !== null);
    expect($('#reception-r9')).toBeNull();
  });
});

describe('团体来访: the desk plans group visits (V3)', () => {
  let toast: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  const fillIn = async (typeInto: (selector: string, value: string) => Promise<void>, arrival: string, departure: string) => {
    await typeInto('.input-group-names textarea', '张局长，李科长\n王主任');
    await typeInto('.input-group-headcount input', '12');
    await typeInto('.input-group-itinerary textarea', '小区大门—中心花园—物业服务中心座谈');
    await typeInto('.input-group-arrival input', arrival);
    await typeInto('.input-group-departure input', departure);
  };

  it('V3: a group visit planned for tomorrow shows on its day, with the reminder 30 minutes before', async () => {
    const { handlers } = visits();
    const { $, text, tap, typeInto, backend, container } = await open('groups', handlers);
    await until(() => $('.list-empty') !== null);
    expect(text('.list-empty')).toBe(g.empty);
    expect(text('.group-reminder-hint')).toContain(g.reminderHint);
    expect(Array.from(container.querySelectorAll('.group-date-chip')).map((chip) => chip.id)).toEqual(
      Array.from({ length: 7 }, (_, i) => `group-date-${shanghaiDate(new Date(), i)}`),
    );

    await fillIn(typeInto, '9:30', '11:45');
    await tap(`#plan-date-${tomorrow}`);
    await tap('.btn-submit-group');

    await until(() => backend.callsTo('visits.planGroupVisit').length === 1);
    expect(backend.callsTo('visits.planGroupVisit')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      names: ['张局长', '李科长', '王主任'],
      headcount: 12,
      arrivalAt: shanghaiInstant(tomorrow, '09:30'),
      departureAt: shanghaiInstant(tomorrow, '11:45'),
      itinerary: '小区大门—中心花园—物业服务中心座谈',
    });

    // The list moves to the day they arrive.
    await until(() => $('#group-gv1') !== null);
    expect($(`#group-date-${tomorrow}`)?.className).toContain('chip-on');
    expect(backend.callsTo('visits.groupVisits').map((c) => c.input.date)).toEqual([today, tomorrow]);
    expect(text('#group-gv1 .group-span')).toBe('09:30 到达 — 11:45 离开');
    expect(text('#group-gv1 .group-names')).toBe('张局长、李科长、王主任');
    expect(text('#group-gv1 .group-headcount')).toBe('12 人');
    expect(text('#group-gv1 .group-stay')).toBe('停留 2小时15分钟');
    expect(text('#group-gv1 .group-itinerary')).toBe('小区大门—中心花园—物业服务中心座谈');
    expect(text('#group-gv1 .group-host')).toBe('接待人：王阿姨');
    expect(text('#group-gv1 .group-reminder')).toBe(`⏰ ${fill(g.reminderShown, { time: '09:00' })}`);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: g.planned }));
    expect(($('.input-group-names textarea') as HTMLTextAreaElement | null)?.value).toBe('');
  });

  it('V3: a visit without a day, or leaving before it arrives, is refused before it is sent', async () => {
    const { handlers } = visits();
    const { $, text, tap, typeInto, backend } = await open('groups', handlers);
    await until(() => $('.list-empty') !== null);

    await fillIn(typeInto, '14:00', '13:30');
    await tap('.btn-submit-group');
    expect(text('.error-arrivalAt')).toBe(g.fieldErrors.arrivalAt);

    await tap(`#plan-date-${tomorrow}`);
    await tap('.btn-submit-group');
    expect($('.error-arrivalAt')).toBeNull();
    expect(text('.error-departureAt')).toBe(g.departureBeforeArrival);

    await typeInto('.input-group-headcount input', '0');
    await tap('.btn-submit-group');
    expect(text('.error-headcount')).toBe(g.fieldErrors.headcount);
    expect(backend.callsTo('visits.planGroupVisit')).toHaveLength(0);
  });
});

describe('reception pages from the desk inbox', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['.link-reception', ui.workGrid.links.reception, '/pages/desk/reception/index'],
    ['.link-group-visits', ui.workGrid.links.groupVisits, '/pages/desk/group-visits/index'],
  ])('%s opens %s', async (selector, label, url) => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<DeskInbox />);
    await until(() => container.querySelector(selector) !== null);
    expect(container.querySelector(selector)?.textContent).toBe(label);
    fireEvent.click(container.querySelector(selector) as Element);
    expect(navigate).toHaveBeenCalledWith({ url });
  });
});
