import { flagTimeOf, registerDateOf, registersDue } from '@shared/domain/complaint-register.rules';
import { complaintFigures, dateRangeOf, monthsOf, type ComplaintRow } from '@shared/domain/complaint-figures.rules';

const at = (local: string) => new Date(local);
const iso = (local: string) => at(local).toISOString();

describe('C6: the supervisor signs each day\'s complaint register', () => {
  it.each([
    ['23:59:59 Shanghai', '2026-11-23T23:59:59+08:00', '2026-11-23'],
    ['24:00 Shanghai', '2026-11-24T00:00:00+08:00', '2026-11-24'],
    ['07:30 Shanghai (still the previous day in UTC)', '2026-11-24T07:30:00+08:00', '2026-11-24'],
  ])('C6: a complaint received at %s goes in the register of %s', (_label, received, date) => {
    expect(registerDateOf(at(received))).toBe(date);
  });

  it.each([
    ['2026-11-23', '2026-11-24T08:00:00+08:00'],
    ['2026-11-30', '2026-12-01T08:00:00+08:00'],
    ['2026-12-31', '2027-01-01T08:00:00+08:00'],
    ['2028-02-28', '2028-02-29T08:00:00+08:00'],
  ])('C6: the register of %s is flagged if unsigned at %s, the next morning', (date, flag) => {
    expect(flagTimeOf(date)).toEqual(at(flag));
  });

  it('C6: at 07:59 Shanghai yesterday\'s register is not yet due; the days before it are', () => {
    expect(registersDue(at('2026-11-24T07:59:59.999+08:00'))).toEqual(['2026-11-22', '2026-11-21']);
  });

  it('C6: at 08:00 Shanghai yesterday\'s register is due, most recent first', () => {
    expect(registersDue(at('2026-11-24T08:00:00+08:00'))).toEqual(['2026-11-23', '2026-11-22', '2026-11-21']);
    expect(registersDue(at('2026-11-24T08:00:00+08:00'), 1)).toEqual(['2026-11-23']);
  });

  it('C6: across a month\'s end the days are Shanghai calendar days', () => {
    expect(registersDue(at('2026-12-01T08:00:00+08:00'), 2)).toEqual(['2026-11-30', '2026-11-29']);
  });
});

describe('C8: monthly and quarterly complaint figures', () => {
  const row = (id: string, c: ComplaintRow['classification'], dueAt: string | null, resolvedAt: string | null): ComplaintRow => ({
    id,
    registerDate: '2026-11-10',
    classification: c,
    dueAt: dueAt && iso(dueAt),
    resolvedAt: resolvedAt && iso(resolvedAt),
  });
  const major = { class: 'responsible' as const, severity: 'major' as const };
  const general = { class: 'responsible' as const, severity: 'general' as const };
  const rows = [
    row('major-early', major, '2026-11-11T00:00:00+08:00', '2026-11-10T20:00:00+08:00'),
    row('general-late', general, '2026-11-12T10:00:00+08:00', '2026-11-12T10:00:00.001+08:00'),
    row('general-at-due', general, '2026-11-12T10:00:00+08:00', '2026-11-12T10:00:00+08:00'),
    row('non-responsible', { class: 'non_responsible', severity: null }, null, '2026-11-15T09:00:00+08:00'),
    row('assistance-open', { class: 'assistance', severity: null }, '2026-11-11T00:00:00+08:00', null),
    row('unclassified', null, null, null),
  ];

  it('C8: complaints by class, handling rate, on-time rate and callbacks', () => {
    const figures = complaintFigures(rows, new Set(['major-early', 'non-responsible', 'assistance-open']));
    expect(figures).toEqual({
      total: 6,
      byClass: { major: 1, general: 2, non_responsible: 1, assistance: 1, unclassified: 1 },
      handled: 4,
      handlingRate: 4 / 6,
      onTime: 3,
      onTimeRate: 3 / 4,
      calledBack: 2,
      callbackRate: 2 / 4,
    });
  });

  it('C8: a period without complaints has no rates, not zero rates', () => {
    expect(complaintFigures([], new Set())).toMatchObject({ total: 0, handled: 0, handlingRate: null, onTimeRate: null, callbackRate: null });
  });

  it('C4 C8: a major complaint meets its limit when the manager takes it up, not when it is finally resolved', () => {
    const withMet = (id: string, dueMetAt: string): ComplaintRow => ({
      ...row(id, major, '2026-11-11T00:00:00+08:00', '2026-11-14T10:00:00+08:00'),
      dueMetAt: iso(dueMetAt),
    });
    const figures = complaintFigures(
      [withMet('taken-up-same-day', '2026-11-10T23:59:59+08:00'), withMet('taken-up-next-day', '2026-11-11T00:00:00.001+08:00')],
      new Set(),
    );
    expect(figures).toMatchObject({ handled: 2, onTime: 1, onTimeRate: 0.5 });
  });

  it('C8: resolved at the very instant it was due is on time, however the stored instant is written', () => {
    const due = '2026-11-12T02:00:00.000Z';
    const sameInstantWithoutMs = { id: 'x', registerDate: '2026-11-10', classification: general, dueAt: due, resolvedAt: '2026-11-12T02:00:00Z' };
    expect(complaintFigures([sameInstantWithoutMs], new Set()).onTime).toBe(1);
  });

  it.each([
    ['2026-11', ['2026-11']],
    ['2026-Q1', ['2026-01', '2026-02', '2026-03']],
    ['2026-Q4', ['2026-10', '2026-11', '2026-12']],
  ])('C8: the period %s covers %j', (period, months) => {
    expect(monthsOf(period)).toEqual(months);
  });

  it.each([
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2027-02', '2027-02-01', '2027-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('C8: the registers of %s run from %s to %s, the last day of its last month', (period, from, to) => {
    expect(dateRangeOf(period)).toEqual({ from, to });
  });
});
