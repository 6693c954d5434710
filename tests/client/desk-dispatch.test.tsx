import { fireEvent, render } from '@testing-library/react';
import DeskRepair from '../../client/src/pages/desk/repair';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers, urgent } from './support/fixtures';
import { withRouteParams } from './support/route';

const burst = urgent('R3.4', { id: 'r-burst', version: 3, actions: ['dispatch'] });
const detail = { ...burst, history: [{ action: 'submit', from: null, to: 'submitted', role: 'resident', reason: null, at: burst.createdAt }] };
const suggestions = [
  { memberId: 'tech-li', name: '李师傅', skills: ['plumbing', 'electrical'], openOrders: 1, skillMatch: true, rating: 4.5, reason: '技能对口，手上 1 单，评分 4.5' },
  { memberId: 'tech-zhang', name: '张师傅', skills: ['general'], openOrders: 0, skillMatch: false, rating: null, reason: '技能不对口，手上 0 单，暂无评价' },
];

const setup = () => {
  let dispatched = false;
  const backend = fakeBackend({
    ...sessionHandlers('desk'),
    'repairs.get': () =>
      ok(dispatched ? { ...detail, status: 'dispatched', version: 4, actions: [], technician: { memberId: 'tech-li', name: '李师傅' } } : detail),
    'repairs.technicians': () => ok({ items: suggestions }),
    'repairs.dispatch': () => {
      dispatched = true;
      return ok({ ...burst, status: 'dispatched', version: 4, actions: [] });
    },
  });
  withRouteParams({ id: 'r-burst' });
  return backend;
};

describe('dispatch from the desk (R4)', () => {
  it('shows each suggestion with its reason, the best one already chosen, so one tap dispatches', async () => {
    const backend = setup();
    const { container } = render(<DeskRepair />);
    await until(() => container.querySelector('#btn-dispatch') !== null);
    await settle();

    expect(container.querySelector('#tech-tech-li .tech-reason')?.textContent).toBe('技能对口，手上 1 单，评分 4.5');
    expect(container.querySelector('#tech-tech-zhang .tech-reason')?.textContent).toBe('技能不对口，手上 0 单，暂无评价');
    expect(container.querySelector('#tech-tech-li')?.className).toContain('tech-on');
    expect(container.querySelector('#btn-dispatch')?.textContent).toBe('派给李师傅');

    fireEvent.click(container.querySelector('#btn-dispatch') as Element);

    await until(() => container.querySelector('#btn-dispatch') === null);
    expect(backend.callsTo('repairs.dispatch')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      repairId: 'r-burst',
      version: 3,
      technicianId: 'tech-li',
      reason: '技能对口，手上 1 单，评分 4.5',
    });
    expect(container.querySelector('.repair-status')?.textContent).toBe('已派单');
  });

  it('sends whoever the desk picks instead', async () => {
    const backend = setup();
    const { container } = render(<DeskRepair />);
    await until(() => container.querySelector('#tech-tech-zhang') !== null);
    await settle();

    fireEvent.click(container.querySelector('#tech-tech-zhang') as Element);
    await settle();
    expect(container.querySelector('#btn-dispatch')?.textContent).toBe('派给张师傅');
    fireEvent.click(container.querySelector('#btn-dispatch') as Element);

    await until(() => backend.callsTo('repairs.dispatch').length === 1);
    expect(backend.callsTo('repairs.dispatch')[0]?.input.technicianId).toBe('tech-zhang');
  });
});
