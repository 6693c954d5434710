import { fireEvent, render } from '@testing-library/react';
import MyRepair from '../../client/src/pages/resident/repair';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, repair, sessionHandlers } from './support/fixtures';
import { withRouteParams } from './support/route';

const history = [{ action: 'submit', from: null, to: 'submitted', role: 'resident', reason: null, at: '2026-11-23T02:00:00.000Z' }];
const technician = { memberId: 'tech-li', name: '李师傅' };
const quote = {
  lines: [
    { code: 'T01', name: '更换水龙头', priceFen: 3000, qty: 1 },
    { code: 'M02', name: '角阀', priceFen: 1550, qty: 2 },
  ],
  totalFen: 6100,
  at: '2026-11-23T03:00:00.000Z',
};

const open = async (id: string) => {
  withRouteParams({ id });
  const view = render(<MyRepair />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.repair-status') !== null);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  return { ...view, $, tap };
};

describe('the resident agrees to the quote on her own phone (R6)', () => {
  it('shows the lines and the total in yuan, and 同意报价 sends repairs.accept with the version she saw, no signature', async () => {
    const quoted = repair({ id: 'r-q', status: 'quoted', version: 5, technician, quote, actions: ['accept'] });
    let accepted = false;
    const backend = fakeBackend({
      ...sessionHandlers('resident'),
      'repairs.get': () => ok(accepted ? { ...quoted, status: 'in_progress', version: 6, actions: [], history } : { ...quoted, history }),
      'repairs.accept': () => {
        accepted = true;
        return ok({ ...quoted, status: 'in_progress', version: 6, actions: [] });
      },
    });
    const { $, tap, container } = await open('r-q');

    expect(Array.from(container.querySelectorAll('.accept-quote .quote-line-name')).map((l) => l.textContent)).toEqual(['更换水龙头 × 1', '角阀 × 2']);
    expect(Array.from(container.querySelectorAll('.accept-quote .quote-line-amount')).map((l) => l.textContent)).toEqual(['¥30.00', '¥31.00']);
    expect($('.accept-quote .quote-total')?.textContent).toBe('¥61.00');
    expect(container.querySelectorAll('.quote-total')).toHaveLength(1);
    expect($('.btn-accept-quote-own')?.textContent).toBe(ui.quote.accept);

    await tap('.btn-accept-quote-own');

    await until(() => $('.btn-accept-quote-own') === null);
    const sent = backend.callsTo('repairs.accept');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.input).toEqual({
      propertyId: PROPERTY,
      repairId: 'r-q',
      version: 5,
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect($('.repair-status')?.textContent).toBe('维修中');
    expect($('.quote-card .quote-total')?.textContent).toBe('¥61.00');
  });

  it('says a free repair is free', async () => {
    const free = repair({ id: 'r-free', status: 'quoted', version: 2, technician, quote: { lines: [], totalFen: 0, at: quote.at }, actions: ['accept'] });
    fakeBackend({ ...sessionHandlers('resident'), 'repairs.get': () => ok({ ...free, history }) });
    const { $ } = await open('r-free');
    expect($('.accept-quote .quote-total')?.textContent).toBe(ui.quote.free);
  });
});

describe('the resident rates the repair from her own phone (R7)', () => {
  const signed = repair({
    id: 'r-s',
    status: 'signed',
    version: 8,
    technician,
    quote,
    completedAt: '2026-11-23T06:30:00.000Z',
    signOff: { signature: 'cloud://sig.png', at: '2026-11-23T06:30:00.000Z' },
    actions: ['rate'],
  });

  it('sends both stars and the comment, then shows her rating and "已完成 · <time>"', async () => {
    let rating: object | null = null;
    const backend = fakeBackend({
      ...sessionHandlers('resident'),
      'repairs.get': () => ok(rating ? { ...signed, version: 9, actions: [], rating, history } : { ...signed, history }),
      'repairs.rate': (input) => {
        rating = { ...(input.rating as object), via: 'own_phone', at: '2026-11-23T08:00:00.000Z' };
        return ok({ ...signed, version: 9, actions: [] });
      },
    });
    const { $, tap } = await open('r-s');
    expect($('.summary-done')?.textContent).toMatch(/^已完成 · /);

    await tap('.rate-quality .star-4');
    await tap('.rate-attitude .star-5');
    fireEvent.input($('.input-rating-comment textarea') as Element, { target: { value: '师傅很仔细' } });
    await settle(10);
    await tap('.btn-submit-rating');

    await until(() => $('.rating-view') !== null);
    expect(backend.callsTo('repairs.rate')[0]?.input).toEqual({
      propertyId: PROPERTY,
      repairId: 'r-s',
      version: 8,
      rating: { quality: 4, attitude: 5, comment: '师傅很仔细' },
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect($('.btn-submit-rating')).toBeNull();
    expect($('.rating-quality')?.getAttribute('data-value')).toBe('4');
    expect($('.rating-attitude')?.getAttribute('data-value')).toBe('5');
    expect($('.rating-comment')?.textContent).toBe('师傅很仔细');
    expect($('.summary-done')?.textContent).toMatch(/^已完成 · /);
  });

  it('asks for both rows of stars before sending', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident'), 'repairs.get': () => ok({ ...signed, history }) });
    const { $, tap } = await open('r-s');

    await tap('.rate-quality .star-5');
    await tap('.btn-submit-rating');

    expect($('.error-rating')?.textContent).toBe(ui.rating.needStars);
    expect(backend.callsTo('repairs.rate')).toHaveLength(0);
  });

  it('R7 issue 18 (2): stars given on the technician\'s phone at the sign-off are thanked for, not asked for again, and can be changed from her own phone while the server offers `rate`', async () => {
    const onSite = { quality: 5, attitude: 5, comment: '', via: 'on_site', at: '2026-11-23T06:30:00.000Z' };
    fakeBackend({ ...sessionHandlers('resident'), 'repairs.get': () => ok({ ...signed, rating: onSite, history }) });
    const { $ } = await open('r-s');
    expect($('.rated-thanks')).not.toBeNull();
    expect($('.rate-repair')).toBeNull();
    expect($('.rating-view')).not.toBeNull();
    fireEvent.click($('.btn-change-rating') as Element);
    expect($('.rate-repair')).not.toBeNull();
    expect($('.rate-replace-hint')?.textContent).toBe(ui.rating.replaceHint);
    fireEvent.click($('.btn-keep-rating') as Element);
    expect($('.rate-repair')).toBeNull();
  });

  it('offers no stars once the 7 days are over (the server leaves `rate` out)', async () => {
    fakeBackend({ ...sessionHandlers('resident'), 'repairs.get': () => ok({ ...signed, actions: [], history }) });
    const { $ } = await open('r-s');
    expect($('.rate-repair')).toBeNull();
    expect($('.summary-done')).not.toBeNull();
  });
});
