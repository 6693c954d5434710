import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PropertySwitch from '../../client/src/components/PropertySwitch';
import { loadSession } from '../../client/src/store/session.store';
import { fakeBackend, ok, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const RIVER = 'river';
const HILL = 'hill';
const memberships = [
  { propertyId: PROPERTY, propertyName: '阳光花园', memberId: 'm1', role: 'technician', name: '李师傅' },
  { propertyId: RIVER, propertyName: '滨江苑', memberId: 'm2', role: 'technician', name: '李师傅' },
  { propertyId: HILL, propertyName: '翠山居', memberId: 'm3', role: 'desk', name: '李师傅' },
];

/** 李师傅 is in 阳光花园 (remembered), and belongs to 滨江苑 and 翠山居 too. */
const backend = (others: unknown[]) => {
  Taro.setStorageSync('propertyId', PROPERTY);
  const base = sessionHandlers('technician');
  return fakeBackend({
    ...base,
    'session.me': () => ok({ memberships }),
    'session.context': (input) => {
      const context = (base['session.context']() as { data: Record<string, unknown> }).data;
      return ok({ ...context, property: { propertyId: input.propertyId, name: '阳光花园', deskPhone: '' }, memberships });
    },
    'session.waiting': () => ok({ others }),
  });
};

/** Issue 14 (2): the property switch with what waits in the person's other properties. */
describe('PropertySwitch: work waiting elsewhere', () => {
  let relaunch: jest.SpyInstance;
  beforeEach(() => {
    relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  });
  afterEach(() => relaunch.mockRestore());

  it('R3: a badge of the total on 切换小区 (red while any is urgent), a line per other property with work, in the words of the role there', async () => {
    const { callsTo } = backend([
      { propertyId: RIVER, count: 2, urgent: 1 },
      { propertyId: HILL, count: 3, urgent: 0 },
    ]);
    await loadSession();
    const { container } = render(<PropertySwitch />);
    await until(() => container.querySelectorAll('.property-waiting').length === 2);
    expect(callsTo('session.waiting').map((c) => c.input)).toEqual([{ propertyId: PROPERTY }]);
    expect(container.querySelector('.btn-switch-property .waiting-badge-urgent')?.textContent).toBe('5');
    expect(container.querySelector('.property-waiting-river')?.textContent).toBe('滨江苑 · 维修师傅2 单待完成其中 1 件紧急去处理');
    expect(container.querySelector('.property-waiting-hill')?.textContent).toBe('翠山居 · 客服接待员3 件待处理去处理');
  });

  it('nothing waiting: no badge and no line; a tap on a line enters that property', async () => {
    backend([{ propertyId: RIVER, count: 0, urgent: 0 }, { propertyId: HILL, count: 1, urgent: 0 }]);
    await loadSession();
    const { container } = render(<PropertySwitch />);
    await until(() => container.querySelectorAll('.property-waiting').length === 1);
    expect(container.querySelector('.property-waiting-river')).toBeNull();
    expect(container.querySelector('.waiting-badge-urgent')).toBeNull();
    expect(container.querySelector('.waiting-badge')?.textContent).toBe('1');
    fireEvent.click(container.querySelector('.property-waiting-hill') as Element);
    await until(() => relaunch.mock.calls.length > 0);
    await until(() => Taro.getStorageSync('propertyId') === HILL);
  });
});
