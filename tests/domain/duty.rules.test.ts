import { dayFlagTimeOf, dayOverBy, dutyDaysDue, handoverLateAt, nextPage, pageAt, pagesOfDate, signInPageAt } from '@shared/domain/duty-page.rules';
import { accidentKindOf, openProposals, signDayRefusal } from '@shared/domain/duty-log.rules';
import { handoverRefusal, mattersToHand, type HandoverAttempt } from '@shared/domain/handover.rules';
import { handoverMachine } from '@shared/domain/handover.machine';
import { birth, transition } from '@shared/domain/state-machine';
import type { HandoverDoc } from '@shared/model/duty.model';
import { defaultSettings } from '@shared/model/settings.model';
import { atShanghai } from '@shared/time/shanghai';

const roster = defaultSettings('p').shifts;
/** A roster whose night shift crosses midnight (22:00 → 07:00). */
const acrossMidnight = [
  { name: '白班', start: '07:00', deskOpenids: [] },
  { name: '夜班', start: '22:00', deskOpenids: [] },
];
const sh = (date: string, hhmm: string) => atShanghai(date, hhmm);

describe('D1: each shift opens a new page (三八制, Shanghai time)', () => {
  it.each([
    ['07:59', '2026-11-23~0000', '夜班'],
    ['08:00', '2026-11-23~0800', '早班'],
    ['15:59', '2026-11-23~0800', '早班'],
    ['16:00', '2026-11-23~1600', '中班'],
    ['23:59', '2026-11-23~1600', '中班'],
    ['00:00', '2026-11-23~0000', '夜班'],
  ])('D1: at %s the page is %s', (hhmm, key, name) => {
    const page = pageAt(roster, sh('2026-11-23', hhmm));
    expect({ key: page.key, name: page.shiftName }).toEqual({ key, name });
  });

  it('D1: the evening page ends at the next midnight, and the night page runs 00:00–08:00 of its own date', () => {
    const evening = pageAt(roster, sh('2026-11-23', '20:00'));
    expect(evening.endsAt).toEqual(sh('2026-11-24', '00:00'));
    expect(nextPage(roster, evening).key).toBe('2026-11-24~0000');
    expect(pageAt(roster, sh('2026-11-24', '03:00')).startsAt).toEqual(sh('2026-11-24', '00:00'));
  });

  it('D1: a shift across midnight keeps the page of the date it started on until it ends at 07:00', () => {
    const late = pageAt(acrossMidnight, sh('2026-11-24', '06:59'));
    expect({ key: late.key, startsAt: late.startsAt, endsAt: late.endsAt }).toEqual({ key: '2026-11-23~2200', startsAt: sh('2026-11-23', '22:00'), endsAt: sh('2026-11-24', '07:00') });
    expect(pageAt(acrossMidnight, sh('2026-11-24', '07:00')).key).toBe('2026-11-24~0700');
  });

  it('D1: a date has one page per shift, in the order the shifts start', () => {
    expect(pagesOfDate(roster, '2026-11-23').map((p) => p.key)).toEqual(['2026-11-23~0000', '2026-11-23~0800', '2026-11-23~1600']);
  });

  it('D3: the incoming member signs in to the next page only in the last hour of the shift on duty', () => {
    expect(signInPageAt(roster, sh('2026-11-23', '14:59')).key).toBe('2026-11-23~0800');
    expect(signInPageAt(roster, sh('2026-11-23', '15:00')).key).toBe('2026-11-23~1600');
  });

  it('D1: urgent circuit and pipe repairs are power and water accidents; other clauses are not proposed', () => {
    expect([accidentKindOf('R3.3'), accidentKindOf('R3.4'), accidentKindOf('R3.1'), accidentKindOf(null)]).toEqual(['power', 'water', null, null]);
  });

  it('D1: a proposal already confirmed on the page is not proposed again', () => {
    const p = (id: string, at: string) => ({ source: { kind: 'complaint' as const, id }, kind: 'complaint_call' as const, at, what: id });
    expect(openProposals([p('b', '2026-11-23T03:00:00.000Z'), p('a', '2026-11-23T02:00:00.000Z'), p('c', '2026-11-23T01:00:00.000Z')], [{ source: { kind: 'complaint', id: 'c' } }]).map((x) => x.source.id)).toEqual(['a', 'b']);
  });
});

describe('D2: the supervisor signs each day; an unsigned day is flagged the next morning', () => {
  it('D2: the flag time is 08:00 Shanghai the next day', () => {
    expect(dayFlagTimeOf('2026-11-23')).toEqual(sh('2026-11-24', '08:00'));
  });

  it.each([
    ['07:59', []],
    ['08:00', ['2026-11-23']],
  ])('D2: at %s on the next morning the days due are %j', (hhmm, due) => {
    expect(dutyDaysDue(sh('2026-11-24', hhmm), 1)).toEqual(due);
  });

  it('D2: a timer that missed a morning still flags the day before', () => {
    expect(dutyDaysDue(sh('2026-11-25', '09:00'), 2)).toEqual(['2026-11-24', '2026-11-23']);
  });

  const major = { major: true, emergency: null };
  const recorded = { major: true, emergency: { account: '经过', photos: ['f'], by: '陈晓', at: '2026-11-23T02:00:00.000Z' } };
  it('D2: not before the day\'s last shift ends, then not while a major event lacks its emergency record with photos', () => {
    const end = sh('2026-11-24', '00:00');
    expect(signDayRefusal({ lastPageEndsAt: end, entries: [] }, new Date(end.getTime() - 1))).toBe('DUTY.DAY_NOT_OVER');
    expect(signDayRefusal({ lastPageEndsAt: end, entries: [major] }, end)).toBe('DUTY.EMERGENCY_RECORD_MISSING');
    expect(signDayRefusal({ lastPageEndsAt: end, entries: [recorded, { major: false, emergency: null }] }, end)).toBeNull();
  });
});

describe('D2: a day is over by its roster once its last shift ends (no signature before: a page on duty never has its day signed)', () => {
  it('D2: the default roster ends the day at midnight, a night crossing midnight the next morning', () => {
    expect(dayOverBy(roster, '2026-11-23', new Date(sh('2026-11-24', '00:00').getTime() - 1))).toBe(false);
    expect(dayOverBy(roster, '2026-11-23', sh('2026-11-24', '00:00'))).toBe(true);
    expect(dayOverBy(acrossMidnight, '2026-11-23', sh('2026-11-24', '06:59'))).toBe(false);
    expect(dayOverBy(acrossMidnight, '2026-11-23', sh('2026-11-24', '07:00'))).toBe(true);
  });

  it.each([['the default roster', roster], ['a night crossing midnight', acrossMidnight]])('D2: with %s, at every half hour the day of the page on duty is not over', (_name, shifts) => {
    for (let minutes = 0; minutes < 48 * 60; minutes += 30) {
      const at = new Date(sh('2026-11-23', '00:00').getTime() + minutes * 60_000);
      const page = pageAt(shifts, at);
      expect({ at: at.toISOString(), over: dayOverBy(shifts, page.date, at) }).toEqual({ at: at.toISOString(), over: false });
      expect(signDayRefusal({ lastPageEndsAt: new Date(Math.max(...pagesOfDate(shifts, page.date).map((p) => p.endsAt.getTime()))), entries: [] }, at)).toBe('DUTY.DAY_NOT_OVER');
    }
  });
});

describe('D3: handover on time, refused with the reason while it may not happen', () => {
  const page = pageAt(roster, sh('2026-11-23', '10:00'));
  const attempt = (over: Partial<HandoverAttempt> = {}, entries: HandoverAttempt['page']['entries'] = []): HandoverAttempt => ({
    page: { startsAt: page.startsAt, endsAt: page.endsAt, entries },
    preparation: [true, true],
    checklistLength: 2,
    incomingPresent: true,
    handedEntryIds: [],
    ...over,
  });
  const at1530 = sh('2026-11-23', '15:30');

  it('D3: not before the last hour of the shift', () => {
    expect(handoverRefusal(attempt(), sh('2026-11-23', '14:59'))).toBe('DUTY.HANDOVER_NOT_DUE');
    expect(handoverRefusal(attempt(), sh('2026-11-23', '15:00'))).toBeNull();
  });

  it.each([
    ['a major event still happening', attempt({}, [{ id: 'e1', kind: 'fire', major: true, status: 'happening' }]), 'DUTY.HANDOVER_EVENT_UNFINISHED'],
    ['major equipment starting or stopping', attempt({}, [{ id: 'e1', kind: 'equipment', major: false, status: 'happening' }]), 'DUTY.HANDOVER_EQUIPMENT_CHANGING'],
    ['one preparation item unchecked', attempt({ preparation: [true, false] }), 'DUTY.HANDOVER_PREPARATION_INCOMPLETE'],
    ['a preparation list of another length', attempt({ preparation: [true] }), 'DUTY.HANDOVER_PREPARATION_INCOMPLETE'],
    ['nobody signed in and no substitute', attempt({ incomingPresent: false }), 'DUTY.HANDOVER_NO_INCOMING'],
    ['an open major matter left out', attempt({}, [{ id: 'e1', kind: 'theft', major: true, status: 'following' }]), 'DUTY.HANDOVER_MATTER_MISSING'],
  ] as const)('D3: refused with %s', (_why, a, code) => {
    expect(handoverRefusal(a, at1530)).toBe(code);
  });

  it('D3: a closed major event, a minor event happening, and every open major matter handed over let it through', () => {
    const entries = [
      { id: 'e1', kind: 'theft', major: true, status: 'following' },
      { id: 'e2', kind: 'fire', major: true, status: 'closed' },
      { id: 'e3', kind: 'other', major: false, status: 'happening' },
    ] as const;
    expect(mattersToHand(entries)).toEqual(['e1']);
    expect(handoverRefusal(attempt({ handedEntryIds: ['e1'] }, [...entries]), at1530)).toBeNull();
  });

  it('D3: late once the grace time after the shift ends has passed', () => {
    expect(handoverLateAt(page)).toEqual(sh('2026-11-23', '16:15'));
  });

  it('D3: the outgoing member hands over, the incoming one receives, once', () => {
    const now = at1530;
    const born = birth(handoverMachine, 'handOver', { actor: 'o', role: 'desk', now });
    const h = { status: born.to, version: born.version } as HandoverDoc;
    const received = transition(handoverMachine, h, { action: 'receive', actor: 'i', role: 'desk', now });
    expect(received).toMatchObject({ ok: true, status: 'received', version: 2 });
    expect(transition(handoverMachine, { status: 'received', version: 2 } as HandoverDoc, { action: 'receive', actor: 'i', role: 'desk', now })).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(transition(handoverMachine, h, { action: 'receive', actor: 'r', role: 'resident', now })).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
});
