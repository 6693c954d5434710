import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CallbackView } from '@shared/contracts/callbacks.contract';
import type { Role } from '@shared/model/member.model';
import type { Stroke } from '@shared/domain/signature.rules';
import { messages } from '@shared/messages';
import DeskCallbacks from '../../client/src/pages/desk/callbacks';
import DeskInbox from '../../client/src/pages/desk/inbox';
import { fill, ui } from '../../client/src/i18n/ui.zh-CN';
import { formatDue } from '../../client/src/utils/time';
import { workEntry } from './support/work-grid';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { openPage } from './support/open-page';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { platform } from '../../client/src/api/platform';

/**
 * The pad draws on a canvas, which jsdom has not got: a stand-in with the real one's props hands
 * the form a signature (or a dot too short to be one) when clicked.
 */
jest.mock('../../client/src/components/SignaturePad', () => {
  const { View } = jest.requireActual<typeof import('@tarojs/components')>('@tarojs/components');
  type Value = { strokes: Stroke[]; image: () => Promise<string | null> };
  const line: Stroke[] = [[{ x: 10, y: 40 }, { x: 60, y: 10 }, { x: 120, y: 50 }, { x: 180, y: 20 }]];
  const dot: Stroke[] = [[{ x: 10, y: 10 }, { x: 12, y: 11 }]];
  const give = (onChange: (v: Value) => void, strokes: Stroke[]) => onChange({ strokes, image: () => Promise.resolve('data:image/png;base64,c2ln') });
  return {
    __esModule: true,
    default: ({ onChange, className }: { onChange: (v: Value) => void; className?: string }) => (
      <View className={`signature-pad ${className ?? ''}`}>
        <View className='fake-sign' onClick={() => give(onChange, line)} />
        <View className='fake-dot' onClick={() => give(onChange, dot)} />
      </View>
    ),
  };
});

const deskSignal = `${PROPERTY}~role:desk`;

const task = (over: Partial<CallbackView> & { id: string }): CallbackView => ({
  kind: 'repair',
  reason: 'urgent',
  subjectId: 'r1',
  status: 'open',
  version: 1,
  residentName: '王阿姨',
  phone: '13800001111',
  address: '1栋1单元101',
  dueAt: '2026-11-23T06:30:00.000Z',
  assignee: 'desk',
  overdue: false,
  outcome: null,
  ...over,
});

/** Server order: soonest due first; the page must not re-sort. */
const late = task({ id: 'cb-late', residentName: '王阿姨', dueAt: '2026-11-22T06:30:00.000Z', overdue: true, version: 3 });
const today = task({ id: 'cb-today', kind: 'complaint', reason: 'low_rating', residentName: '张伟', phone: '13900003333', address: '5栋1单元302' });
const routine = task({ id: 'cb-routine', kind: 'routine', reason: 'quota', residentName: '李奶奶', phone: '13700004444', address: '6栋2单元201', dueAt: '2026-11-24T01:00:00.000Z' });

const rowIds = (container: HTMLElement) => Array.from(container.querySelectorAll('.callback-row')).map((row) => row.id);

const open = async (handlers: Record<string, (input: Record<string, unknown>) => unknown>, role: Role = 'desk') => openPage(<DeskCallbacks />, { ...sessionHandlers(role), ...handlers });

describe('回访任务: the desk callback list (B1 B2 R10)', () => {
  let toast: jest.SpyInstance;
  let upload: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    upload = jest.spyOn(platform, 'uploadFile').mockResolvedValue('cloud://env.bucket/uploads/mb_1/sig-1.png');
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists the open tasks in the server’s order, with who, where, why, when, and a red 已逾期 on overdue ones', async () => {
    const { container, $ } = await open({ 'callbacks.queue': () => okPage([late, today, routine]) });
    await until(() => rowIds(container).length === 3);

    expect(rowIds(container)).toEqual(['callback-cb-late', 'callback-cb-today', 'callback-cb-routine']);
    expect($('#callback-cb-late .callback-overdue')?.textContent).toBe('已逾期');
    expect($('#callback-cb-today .callback-overdue')).toBeNull();
    expect($('#callback-cb-routine .callback-overdue')).toBeNull();
    expect(container.querySelectorAll('.callback-overdue')).toHaveLength(1);

    expect($('#callback-cb-today .callback-name')?.textContent).toBe('张伟');
    expect($('#callback-cb-today .callback-address')?.textContent).toBe('5栋1单元302');
    expect($('#callback-cb-today .callback-reason')?.textContent).toBe('评价较低');
    expect($('#callback-cb-today .callback-kind')?.textContent).toBe('投诉回访');
    expect($('#callback-cb-late .callback-reason')?.textContent).toBe('急修');
    expect($('#callback-cb-routine .callback-reason')?.textContent).toBe('每周抽访');
    expect($('#callback-cb-today .callback-due')?.textContent).toBe(fill(ui.callbacks.due, { when: formatDue(today.dueAt) }));
    expect($('#callback-cb-today .btn-call')?.textContent).toContain('13900003333');
  });

  it('calls the full number with one tap, without opening the form', async () => {
    const phone = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const { container, $, tap } = await open({ 'callbacks.queue': () => okPage([late, today]) });
    await until(() => rowIds(container).length === 2);

    await tap('#callback-cb-today .btn-call');

    expect(phone).toHaveBeenCalledWith({ phoneNumber: '13900003333' });
    expect($('.callback-form')).toBeNull();
  });

  it('on a PC window, where nothing dials, shows the number to copy instead of the call button (as the desk\'s repair does)', async () => {
    const narrow = Taro.getWindowInfo();
    jest.spyOn(Taro, 'getWindowInfo').mockReturnValue({ ...narrow, windowWidth: 1280 });
    const phone = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const copied = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: '13900003333' });
    const { container, $, tap } = await open({ 'callbacks.queue': () => okPage([late, today]) });
    await until(() => rowIds(container).length === 2);

    expect(container.querySelectorAll('.btn-call')).toHaveLength(0);
    expect($('#callback-cb-today .callback-phone .phone-number')?.textContent).toBe('13900003333');
    await tap('#callback-cb-today .btn-copy-phone');

    expect(copied).toHaveBeenCalledWith({ data: '13900003333' });
    expect(phone).not.toHaveBeenCalled();
    expect($('.callback-form')).toBeNull();
  });

  it('shows one kind at a time on its tab: the tab asks the function for that kind and shows its exact count', async () => {
    const { container, $, tap, backend } = await open({ 'callbacks.queue': (input) => okPage([late, today, routine].filter((c) => !input.kind || c.kind === input.kind)) });
    await until(() => rowIds(container).length === 3);
    expect($('.callback-tab-all')?.textContent).toBe('全部（3）');
    expect($('.callback-tab-repair')?.textContent).toBe('维修回访');

    await tap('.callback-tab-complaint');
    await until(() => rowIds(container).join() === 'callback-cb-today');
    expect($('.callback-tab-complaint')?.textContent).toBe('投诉回访（1）');
    expect(backend.callsTo('callbacks.queue').at(-1)?.input).toMatchObject({ kind: 'complaint' });
    await tap('.callback-tab-visit');
    await until(() => $('.callback-kind-empty') !== null);
    expect(rowIds(container)).toEqual([]);
    expect($('.callback-kind-empty')?.textContent).toBe(ui.callbacks.kindEmpty);
    expect($('.callback-tab-visit')?.textContent).toBe('来访回访（0）');
    await tap('.callback-tab-all');
    await until(() => rowIds(container).length === 3);
    expect(rowIds(container)).toEqual(['callback-cb-late', 'callback-cb-today', 'callback-cb-routine']);
  });

  it('explains what goes there when nobody is due a call', async () => {
    const { $ } = await open({ 'callbacks.queue': () => okPage([]) });
    await until(() => $('.list-empty') !== null);
    expect($('.list-empty')?.textContent).toBe(ui.callbacks.empty);
    expect($('.list-empty')?.textContent).toContain('今天没有需要回访的住户');
  });

  it('records a reached, satisfied call with the row’s version; the row leaves and a toast says so', async () => {
    let done = false;
    const { container, backend, $, tap, typeInto } = await open({
      'callbacks.queue': () => okPage(done ? [today] : [late, today]),
      'callbacks.record': () => {
        done = true;
        return ok({ ...late, status: 'done', version: 4, overdue: false });
      },
    });
    await until(() => rowIds(container).length === 2);

    await tap('#callback-cb-late .btn-open-record');
    expect($('#callback-cb-late .callback-form')).not.toBeNull();
    expect($('.satisfied-yes')).toBeNull();

    await tap('.btn-submit-callback');
    expect($('.callback-problem')?.textContent).toBe(ui.callbacks.needReached);
    await tap('.reached-yes');
    await tap('.btn-submit-callback');
    expect($('.callback-problem')?.textContent).toBe(ui.callbacks.needSatisfied);
    expect(backend.callsTo('callbacks.record')).toHaveLength(0);

    await tap('.satisfied-yes');
    await tap('.method-home_visit');
    await typeInto('.input-callback-notes textarea', '师傅很准时，水龙头不漏了');
    await tap('.fake-sign');
    await tap('.btn-submit-callback');

    await until(() => backend.callsTo('callbacks.record').length === 1);
    expect(backend.callsTo('callbacks.record')[0]?.input).toEqual({
      propertyId: PROPERTY,
      callbackId: 'cb-late',
      version: 3,
      reached: true,
      satisfied: true,
      notes: '师傅很准时，水龙头不漏了',
      method: 'home_visit',
      signature: 'cloud://env.bucket/uploads/mb_1/sig-1.png',
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    await until(() => rowIds(container).length === 1);
    expect(rowIds(container)).toEqual(['callback-cb-today']);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: ui.callbacks.recorded, icon: 'success' }));
  });

  it('a home visit cannot be recorded without the resident’s signature', async () => {
    const { container, backend, $, tap } = await open({
      'callbacks.queue': () => okPage([late, today]),
      'callbacks.record': () => ok({ ...late, status: 'done', version: 4 }),
    });
    await until(() => rowIds(container).length === 2);

    await tap('#callback-cb-late .btn-open-record');
    await tap('.reached-yes');
    await tap('.satisfied-yes');
    expect($('.signature-callback')).toBeNull();
    await tap('.method-home_visit');
    expect($('.signature-callback')).not.toBeNull();

    await tap('.btn-submit-callback');
    expect($('.callback-problem')?.textContent).toBe(ui.callbacks.needSignature);
    await tap('.fake-dot');
    await tap('.btn-submit-callback');
    expect($('.callback-problem')?.textContent).toBe(ui.callbacks.needSignature);
    expect(backend.callsTo('callbacks.record')).toHaveLength(0);
    expect(upload).not.toHaveBeenCalled();

    upload.mockResolvedValueOnce(null);
    await tap('.fake-sign');
    await tap('.btn-submit-callback');
    await until(() => $('.callback-problem') !== null);
    expect($('.callback-problem')?.textContent).toBe(ui.callbacks.signatureFailed);
    expect(backend.callsTo('callbacks.record')).toHaveLength(0);

    await tap('.btn-submit-callback');
    await until(() => backend.callsTo('callbacks.record').length === 1);
    expect(upload).toHaveBeenLastCalledWith({ localPath: 'data:image/png;base64,c2ln', name: 'signature.png' }, 'uploads/mb_1/');
    expect(backend.callsTo('callbacks.record')[0]?.input).toMatchObject({ method: 'home_visit', signature: 'cloud://env.bucket/uploads/mb_1/sig-1.png' });
  });

  it('a phone callback is sent without a signature', async () => {
    const { container, backend, $, tap } = await open({
      'callbacks.queue': () => okPage([today]),
      'callbacks.record': () => ok({ ...today, status: 'done', version: 2 }),
    });
    await until(() => rowIds(container).length === 1);
    await tap('.btn-open-record');
    await tap('.reached-yes');
    await tap('.satisfied-yes');
    await tap('.method-home_visit');
    await tap('.method-phone');
    expect($('.signature-callback')).toBeNull();
    await tap('.btn-submit-callback');
    await until(() => backend.callsTo('callbacks.record').length === 1);
    expect(backend.callsTo('callbacks.record')[0]?.input).not.toHaveProperty('signature');
    expect(upload).not.toHaveBeenCalled();
  });

  it('a callback turns into a complaint in one tap, linked, with no 投诉对象 needed, and the new complaint is one tap away', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    let raised = false;
    const { container, backend, $, tap, typeInto } = await open({
      'callbacks.queue': () => okPage([{ ...today, address: '3栋2单元1502', complaintId: raised ? 'k-9' : null }]),
      'callbacks.raiseComplaint': () => {
        raised = true;
        return ok({ callbackId: 'cb-today', complaintId: 'k-9' });
      },
    });
    await until(() => rowIds(container).length === 1);

    await tap('#callback-cb-today .btn-raise-complaint');
    expect($('.raise-form')).not.toBeNull();
    expect($('.callback-form')).toBeNull();
    expect($('#raise-place-building')?.textContent).toBe('住户所在楼（3栋）');

    await tap('.btn-submit-raise');
    expect($('.error-category')?.textContent).toBe(ui.callbacks.raiseErrors.category);
    expect($('.error-place')?.textContent).toBe(ui.callbacks.raiseErrors.place);
    expect(backend.callsTo('callbacks.raiseComplaint')).toHaveLength(0);

    await tap('#category-cleaning');
    await tap('#raise-place-building');
    await typeInto('.input-raise-description textarea', '回访时住户说楼道垃圾一周没人清理');
    await typeInto('.input-raise-request textarea', '每天清理');
    await tap('.btn-submit-raise');

    await until(() => backend.callsTo('callbacks.raiseComplaint').length === 1);
    expect($('.error-target')).toBeNull();
    expect(backend.callsTo('callbacks.raiseComplaint')[0]?.input).toEqual({
      propertyId: PROPERTY,
      callbackId: 'cb-today',
      category: 'cleaning',
      place: { scope: 'building', building: '3' },
      target: '',
      description: '回访时住户说楼道垃圾一周没人清理',
      request: '每天清理',
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    await until(() => $('.btn-open-complaint') !== null);
    expect($('.raise-form')).toBeNull();
    expect($('.btn-raise-complaint')).toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: ui.callbacks.raised }));
    await tap('.btn-open-complaint');
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/complaint/index?kind=complaint&id=k-9' });
  });

  it('offers a public area when the address names no building', async () => {
    const { container, backend, $, tap, typeInto } = await open({
      'callbacks.queue': () => okPage([{ ...today, address: '商铺A区' }]),
      'callbacks.raiseComplaint': () => ok({ callbackId: 'cb-today', complaintId: 'k-10' }),
    });
    await until(() => rowIds(container).length === 1);
    await tap('.btn-raise-complaint');
    expect($('#raise-place-building')).toBeNull();
    await tap('#category-cleaning');
    await tap('#raise-place-parking');
    await typeInto('.input-raise-target input', '停车场保安');
    await typeInto('.input-raise-description textarea', '车被刮了没人管');
    await typeInto('.input-raise-request textarea', '调监控');
    await tap('.btn-submit-raise');
    await until(() => backend.callsTo('callbacks.raiseComplaint').length === 1);
    expect(backend.callsTo('callbacks.raiseComplaint')[0]?.input.place).toEqual({ scope: 'public_area', area: 'parking' });
  });

  it('shows a major complaint’s callback as the manager’s, with no record form for the desk', async () => {
    const major = task({ id: 'cb-major', kind: 'complaint', reason: 'complaint', assignee: 'manager', residentName: '赵先生' });
    const { container, $, tap } = await open({ 'callbacks.queue': () => okPage([major, today]) });
    await until(() => rowIds(container).length === 2);

    expect($('#callback-cb-major .callback-by-manager')?.textContent).toBe('由管理处主任回访');
    expect($('#callback-cb-today .callback-by-manager')).toBeNull();
    expect($('#callback-cb-major .btn-open-record')).toBeNull();
    await tap('#callback-cb-major .callback-row-main');
    expect($('#callback-cb-major .callback-form')).toBeNull();
    expect($('#callback-cb-today .btn-open-record')).not.toBeNull();
  });

  it('lets the manager record the callbacks that are his', async () => {
    const major = task({ id: 'cb-major', kind: 'complaint', reason: 'complaint', assignee: 'manager' });
    const { container, $, tap } = await open({ 'callbacks.queue': () => okPage([major]) }, 'manager');
    await until(() => rowIds(container).length === 1);
    expect($('.callback-by-manager')?.textContent).toBe(ui.callbacks.byManager);
    await tap('.btn-open-record');
    expect($('#callback-cb-major .callback-form')).not.toBeNull();
  });

  it('sends satisfied: null when the resident was not reached, by phone by default', async () => {
    const { container, backend, $, tap } = await open({
      'callbacks.queue': () => okPage([today]),
      'callbacks.record': () => ok({ ...today, status: 'done', version: 2 }),
    });
    await until(() => rowIds(container).length === 1);

    await tap('#callback-cb-today .callback-row-main');
    await tap('.reached-yes');
    await tap('.satisfied-no');
    await tap('.reached-no');
    expect($('.satisfied-yes')).toBeNull();
    await tap('.btn-submit-callback');

    await until(() => backend.callsTo('callbacks.record').length === 1);
    expect(backend.callsTo('callbacks.record')[0]?.input).toEqual(
      expect.objectContaining({ callbackId: 'cb-today', version: 1, reached: false, satisfied: null, method: 'phone', notes: '' }),
    );
  });

  it('on a version conflict refetches, says the server’s message, keeps what was typed, and sends the new version next', async () => {
    let version = 3;
    let conflict = true;
    const { container, backend, $, tap, typeInto } = await open({
      'callbacks.queue': () => okPage([{ ...late, version }]),
      'callbacks.record': () => {
        if (conflict) {
          conflict = false;
          version = 4;
          return { ok: false, code: 'COMMON.VERSION_CONFLICT', message: messages.errors['COMMON.VERSION_CONFLICT'] };
        }
        return ok({ ...late, status: 'done', version: 5 });
      },
    });
    await until(() => rowIds(container).length === 1);
    const fetches = backend.callsTo('callbacks.queue').length;

    await tap('.btn-open-record');
    await tap('.reached-yes');
    await tap('.satisfied-no');
    await typeInto('.input-callback-notes textarea', '楼道灯还是不亮');
    await tap('.btn-submit-callback');

    await until(() => backend.callsTo('callbacks.queue').length > fetches);
    await settle();
    const message = messages.errors['COMMON.VERSION_CONFLICT'];
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: message }));
    expect($('.callback-notice-message')?.textContent).toBe(message);
    expect(($('.input-callback-notes textarea') as HTMLTextAreaElement).value).toBe('楼道灯还是不亮');

    await tap('.btn-submit-callback');
    await until(() => backend.callsTo('callbacks.record').length === 2);
    expect(backend.callsTo('callbacks.record').map((c) => c.input.version)).toEqual([3, 4]);
    expect(backend.callsTo('callbacks.record')[1]?.input).toEqual(expect.objectContaining({ reached: true, satisfied: false, notes: '楼道灯还是不亮' }));
  });

  it('when someone else already recorded it, refetches (the row goes) and says so', async () => {
    let done = false;
    const { container, backend, $, tap } = await open({
      'callbacks.queue': () => okPage(done ? [today] : [late, today]),
      'callbacks.record': () => {
        done = true;
        return { ok: false, code: 'CALLBACK.ALREADY_DONE', message: messages.errors['CALLBACK.ALREADY_DONE'] };
      },
    });
    await until(() => rowIds(container).length === 2);

    await tap('#callback-cb-late .btn-open-record');
    await tap('.reached-no');
    await tap('.btn-submit-callback');

    await until(() => rowIds(container).length === 1);
    expect(rowIds(container)).toEqual(['callback-cb-today']);
    expect(backend.callsTo('callbacks.queue').length).toBeGreaterThanOrEqual(2);
    expect($('.callback-notice-message')?.textContent).toBe('这条回访已经记录过了');
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '这条回访已经记录过了' }));
  });

  it('keeps the form open and says why when the record fails for another reason', async () => {
    const { container, $, tap } = await open({
      'callbacks.queue': () => okPage([today]),
      'callbacks.record': () => ({ ok: false, code: 'COMMON.BUSY', message: messages.errors['COMMON.BUSY'] }),
    });
    await until(() => rowIds(container).length === 1);
    await tap('.btn-open-record');
    await tap('.reached-no');
    await tap('.btn-submit-callback');
    await until(() => toast.mock.calls.length > 0);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: messages.errors['COMMON.BUSY'] }));
    expect(rowIds(container)).toEqual(['callback-cb-today']);
    expect($('.callback-form')).not.toBeNull();
  });

  it('shows a new task without a reload when the desk signal moves', async () => {
    let items = [today];
    const { container } = await open({ 'callbacks.queue': () => okPage(items) });
    await until(() => rowIds(container).length === 1);
    await until(() => FakeEventSource.instances.length === 1);
    const stream = FakeEventSource.latest();
    expect(stream.url).toContain(`ids=${encodeURIComponent(deskSignal)}`);

    items = [late, today];
    stream.emit(deskSignal, 5);

    await until(() => rowIds(container).length === 2);
    expect(rowIds(container)).toEqual(['callback-cb-late', 'callback-cb-today']);
  });
});

describe('the desk inbox links to the callback list with its count', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows how many are open and opens the list', async () => {
    FakeEventSource.install();
    fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.inbox': () => okPage([]),
      'callbacks.queue': () => okPage([late, today, routine]),
    });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<DeskInbox />);
    await until(() => workEntry(container, 'callbacks')?.badge === '3');
    expect(workEntry(container, 'callbacks')?.label).toBe('回访任务');
    fireEvent.click(container.querySelector('.link-callbacks') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/callbacks/index' });
  });
});

describe('formatDue: due times read naturally', () => {
  const now = new Date('2026-11-23T02:00:00.000Z'); // 10:00 in Shanghai
  it.each([
    ['2026-11-23T06:30:00.000Z', '今天 14:30'],
    ['2026-11-24T01:00:00.000Z', '明天 09:00'],
    ['2026-11-25T02:00:00.000Z', '后天 10:00'],
    ['2026-11-22T10:00:00.000Z', '昨天 18:00'],
    ['2026-11-20T10:00:00.000Z', '11月20日 18:00'],
    ['2027-01-05T02:00:00.000Z', '2027年1月5日'],
  ])('%s → %s', (iso, text) => {
    expect(formatDue(iso, now)).toBe(text);
  });
});
