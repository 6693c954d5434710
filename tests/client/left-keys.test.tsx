import Taro from '@tarojs/taro';
import type { LeftKeyViewT } from '@shared/contracts/keys.contract';
import type { Role } from '@shared/model/member.model';
import type { Stroke } from '@shared/domain/signature.rules';
import { messages } from '@shared/messages';
import DeskKeys from '../../client/src/pages/desk/keys';
import MyKeys from '../../client/src/pages/technician/keys';
import { platform } from '../../client/src/api/platform';
import { ok, okPage, until } from './support/fake-backend';
import { openPage } from './support/open-page';
import { PROPERTY, repair, sessionHandlers } from './support/fixtures';

/** jsdom has no canvas: a stand-in pad hands the panel a signature when clicked. */
jest.mock('../../client/src/components/SignaturePad', () => {
  const { View } = jest.requireActual<typeof import('@tarojs/components')>('@tarojs/components');
  type Value = { strokes: Stroke[]; image: () => Promise<string | null> };
  const line: Stroke[] = [[{ x: 10, y: 40 }, { x: 60, y: 10 }, { x: 120, y: 50 }, { x: 180, y: 20 }]];
  return {
    __esModule: true,
    default: ({ onChange, className }: { onChange: (v: Value) => void; className?: string }) => (
      <View className={`signature-pad ${className ?? ''}`}>
        <View className='fake-sign' onClick={() => onChange({ strokes: line, image: () => Promise.resolve('data:image/png;base64,c2ln') })} />
      </View>
    ),
  };
});

const left = (over: Partial<LeftKeyViewT> & { id: string }): LeftKeyViewT => ({
  repairId: 'r-wang',
  roomLabel: '1栋1单元101',
  description: '入户门钥匙 1 把',
  leftBy: '王秀英',
  technician: '李建国',
  status: 'held',
  receivedBy: '陈静',
  createdAt: '2026-12-06T01:00:00.000Z',
  borrowedAt: null,
  returnedTo: null,
  mineToBorrow: false,
  version: 1,
  ...over,
});

const open = async (page: 'desk' | 'technician', handlers: Record<string, (input: Record<string, unknown>) => unknown>) => {
  const role: Role = page;
  const opened = openPage(page === 'desk' ? <DeskKeys /> : <MyKeys />, { ...sessionHandlers(role), ...handlers });
  await until(() => opened.$(page === 'desk' ? '#keys-tab-left' : '.my-keys') !== null);
  return opened;
};

describe('住户留钥匙: a resident’s key left at the desk for a named technician (K2)', () => {
  let upload: jest.SpyInstance;
  beforeEach(() => {
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    upload = jest.spyOn(platform, 'uploadFile').mockResolvedValue('cloud://env.bucket/uploads/mb_1/sig-1.png');
  });
  afterEach(() => jest.restoreAllMocks());

  it('K2: the desk sees each left key with its room, technician and state, and takes one back from the technician', async () => {
    const out = left({ id: 'lk-out', status: 'out', version: 2 });
    const held = left({ id: 'lk-held', roomLabel: '3栋2单元1502', leftBy: '张伟', technician: '赵师傅' });
    const { $, tap, backend } = await open('desk', {
      'keys.leftKeys': () => okPage([out, held]),
      'keys.bringBackLeft': () => ok({ ...out, status: 'back', version: 3 }),
    });
    await tap('#keys-tab-left');
    await until(() => $('#left-lk-out') !== null);

    expect($('#left-lk-out .left-status')?.textContent).toBe('师傅已取走');
    expect($('#left-lk-out .left-who')?.textContent).toBe('王秀英 留给 李建国 · 陈静 经手');
    expect($('#left-lk-held .key-label')?.textContent).toBe('3栋2单元1502');
    expect($('#left-lk-held .left-status')?.textContent).toBe('在前台');
    expect($('#left-lk-held .btn-bring-back')).toBeNull();

    await tap('#left-lk-out .btn-bring-back');
    await until(() => backend.callsTo('keys.bringBackLeft').length === 1);
    expect(backend.callsTo('keys.bringBackLeft')[0]?.input).toMatchObject({ propertyId: PROPERTY, leftKeyId: 'lk-out', version: 2 });
    await until(() => backend.callsTo('keys.leftKeys').length >= 2);
  });

  it('K2: the form offers only repairs a technician is sent to, found by room, the technician defaulting to the assigned one', async () => {
    const wang = repair({ id: 'r-wang', status: 'dispatched', address: '1栋1单元101', residentName: '王秀英', technician: { memberId: 'm-li', name: '李建国' } });
    const waiting = repair({ id: 'r-new', status: 'submitted', address: '1栋1单元102' });
    const done = repair({ id: 'r-done', status: 'signed', address: '1栋1单元103', technician: { memberId: 'm-zhao', name: '赵师傅' } });
    const other = repair({ id: 'r-other', status: 'arrived', address: '3栋2单元1502', technician: { memberId: 'm-zhao', name: '赵师傅' } });
    const { $, tap, typeInto, backend, container } = await open('desk', {
      'keys.leftKeys': () => okPage([]),
      'repairs.inbox': () => okPage([wang, waiting, done, other]),
      'repairs.technicians': () => ok({ items: [{ memberId: 'm-zhao', name: '赵师傅', skills: [], openOrders: 1, skillMatch: true, reason: '' }] }),
      'keys.leaveKey': (input) => ok(left({ id: 'lk-new', ...(input as object) })),
    });
    await tap('#keys-tab-left');
    await until(() => $('.btn-record-left') !== null);
    await tap('.btn-record-left');
    await until(() => $('#left-repair-r-wang') !== null);
    expect(Array.from(container.querySelectorAll('.left-repair-chip')).map((c) => c.id)).toEqual(['left-repair-r-wang', 'left-repair-r-other']);

    await typeInto('.input-left-room input', '1栋1单元101');
    expect(Array.from(container.querySelectorAll('.left-repair-chip')).map((c) => c.id)).toEqual(['left-repair-r-wang']);

    await tap('.btn-leave-key');
    expect($('.error-left-repair')?.textContent).toBe('请选择维修单');
    expect(backend.callsTo('keys.leaveKey')).toHaveLength(0);

    await tap('#left-repair-r-wang');
    await until(() => $('#left-technician-m-zhao') !== null);
    expect($('#left-technician-m-li')?.className).toContain('chip-on');
    await typeInto('.input-left-keys input', '入户门钥匙 1 把');
    await tap('.btn-leave-key');
    await until(() => backend.callsTo('keys.leaveKey').length === 1);
    expect(backend.callsTo('keys.leaveKey')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      repairId: 'r-wang',
      technicianId: 'm-li',
      keys: '入户门钥匙 1 把',
      leftBy: '王秀英',
    });
  });

  it('K2: handing the key to the resident is refused in Chinese while the order is not signed off, and done once it is', async () => {
    const back = left({ id: 'lk-back', status: 'back', version: 3 });
    let signedOff = false;
    const { $, tap, backend } = await open('desk', {
      'keys.leftKeys': () => okPage([back]),
      'keys.giveToResident': () =>
        signedOff ? ok({ ...back, status: 'returned', returnedTo: '王秀英', version: 4 }) : { ok: false, code: 'KEY.ORDER_NOT_SIGNED', message: messages.errors['KEY.ORDER_NOT_SIGNED'] },
    });
    await tap('#keys-tab-left');
    await until(() => $('#left-lk-back .btn-give-resident') !== null);
    await tap('#left-lk-back .btn-give-resident');
    await tap('#left-lk-back .btn-give-resident-confirm');
    await until(() => $('.error-give-resident') !== null);
    expect($('.error-give-resident')?.textContent).toBe('维修单还没有签字确认，钥匙先留在前台');
    expect(backend.callsTo('keys.giveToResident')[0]?.input).toMatchObject({ leftKeyId: 'lk-back', version: 3, residentName: '王秀英' });

    signedOff = true;
    await tap('#left-lk-back .btn-give-resident-confirm');
    await until(() => backend.callsTo('keys.giveToResident').length === 2);
    await until(() => $('.error-give-resident') === null);
  });

  it('K2: the technician sees the keys left for him and signs for one with his own upload', async () => {
    const mine = left({ id: 'lk-mine', mineToBorrow: true });
    const { $, tap, backend } = await open('technician', {
      'keys.mine': () => okPage([]),
      'keys.leftKeys': () => okPage([mine]),
      'keys.borrowLeft': () => ok({ ...mine, status: 'out', mineToBorrow: false, version: 2 }),
    });
    await until(() => $('#left-mine-lk-mine') !== null);
    expect($('.left-for-me-title')?.textContent).toBe('住户留给我的钥匙');
    expect($('#left-mine-lk-mine .section-title')?.textContent).toBe('1栋1单元101 · 在前台');

    await tap('#left-mine-lk-mine .btn-key-sign');
    expect($('.error-key-sign')?.textContent).toBe('请手写签名');
    expect(backend.callsTo('keys.borrowLeft')).toHaveLength(0);

    await tap('#left-mine-lk-mine .fake-sign');
    await tap('#left-mine-lk-mine .btn-key-sign');
    await until(() => backend.callsTo('keys.borrowLeft').length === 1);
    expect(upload).toHaveBeenCalledWith({ localPath: 'data:image/png;base64,c2ln', name: 'signature.png' }, 'uploads/mb_1/');
    expect(backend.callsTo('keys.borrowLeft')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      leftKeyId: 'lk-mine',
      version: 1,
      signature: 'cloud://env.bucket/uploads/mb_1/sig-1.png',
    });
  });

  it('K2: a key not his to sign for shows no pad', async () => {
    const { $ } = await open('technician', {
      'keys.mine': () => okPage([]),
      'keys.leftKeys': () => okPage([left({ id: 'lk-taken', status: 'out' })]),
    });
    await until(() => $('#left-mine-lk-taken') !== null);
    expect($('#left-mine-lk-taken .btn-key-sign')).toBeNull();
  });
});
