import { classifyDeadline, filingPromise, handlingDeadline, upgradeAtOf, type HandlingClock } from '@shared/domain/complaint-deadline.rules';
import { nextDeadlineStep, type DeadlinePlan } from '@shared/domain/deadline.rules';
import { defaultSettings } from '@shared/model/settings.model';
import type { Classification } from '@shared/model/complaint.model';

type Class = Pick<Classification, 'class' | 'severity' | 'jurisdiction'>;

const settings = defaultSettings('p');
const at = (local: string) => new Date(local);
const HOUR_MS = 60 * 60 * 1000;
const general: Class = { class: 'responsible', severity: 'general', jurisdiction: null };
const major: Class = { class: 'responsible', severity: 'major', jurisdiction: null };
const nonResponsible: Class = { class: 'non_responsible', severity: null, jurisdiction: null };
const assistInside: Class = { class: 'assistance', severity: null, jurisdiction: 'inside' };
const assistOutside: Class = { class: 'assistance', severity: null, jurisdiction: 'outside' };
const clock = (since: string, residentDeadline: string | null = null): HandlingClock => ({
  since: at(since),
  residentDeadline: residentDeadline ? at(residentDeadline) : null,
});

const stored = (plan: DeadlinePlan, step: number) => ({
  dueAt: plan.dueAt.toISOString(),
  warnAt: plan.warnAt.toISOString(),
  ladder: plan.ladder,
  escalateEveryMinutes: plan.escalateEveryMinutes,
  step,
});

describe('C4: a general complaint is resolved within 2 days, or by the resident\'s own earlier deadline', () => {
  it('C4: filed at 23:30 Shanghai, it is due exactly 48 hours later, at 23:30', () => {
    const plan = handlingDeadline(general, clock('2026-11-23T23:30:00+08:00'), at('2026-11-23T23:30:00+08:00'), settings);
    expect(plan?.rule).toBe('C4.general');
    expect(plan?.dueAt).toEqual(at('2026-11-25T23:30:00+08:00'));
    expect(plan && plan.dueAt.getTime() - at('2026-11-23T23:30:00+08:00').getTime()).toBe(48 * HOUR_MS);
  });

  it.each([
    ['an earlier deadline of the resident wins', '2026-11-24T18:00:00+08:00', '2026-11-24T18:00:00+08:00'],
    ['a later deadline of the resident does not', '2026-11-28T12:00:00+08:00', '2026-11-25T23:30:00+08:00'],
    ['no deadline of the resident', null, '2026-11-25T23:30:00+08:00'],
  ])('C4: %s', (_label, residentDeadline, due) => {
    const plan = handlingDeadline(general, clock('2026-11-23T23:30:00+08:00', residentDeadline), at('2026-11-23T23:30:00+08:00'), settings);
    expect(plan).toMatchObject({ rule: 'C4.general', dueAt: at(due) });
  });
});

describe('C4 as the resident is told it when she files (issue 18, 2)', () => {
  it.each([
    ['filed at 23:30, identified that Shanghai day, resolved 48 hours later', '2026-11-23T23:30:00+08:00', null, '2026-11-23', '2026-11-25T23:30:00+08:00'],
    ['filed at 00:10 Shanghai (the day before in UTC), identified on the Shanghai day', '2026-11-24T00:10:00+08:00', null, '2026-11-24', '2026-11-26T00:10:00+08:00'],
    ['her own earlier deadline is the promise', '2026-11-23T09:00:00+08:00', '2026-11-24T18:00:00+08:00', '2026-11-23', '2026-11-24T18:00:00+08:00'],
  ])('C4: %s', (_label, filed, residentDeadline, identifiedOn, resolvedBy) => {
    const promise = filingPromise(at(filed), residentDeadline ? at(residentDeadline) : null);
    // The day ends at its midnight: the classification's own deadline (C4.classify), which the notice on filing states.
    expect(promise).toEqual({ identifiedOn, identifiedBy: at(`${identifiedOn}T24:00:00+08:00`), resolvedBy: at(resolvedBy) });
  });

  it('C4: the promise is the general handling deadline the desk is later held to', () => {
    const since = '2026-11-23T10:00:00+08:00';
    const promise = filingPromise(at(since), at('2026-11-24T18:00:00+08:00'));
    expect(handlingDeadline(general, clock(since, '2026-11-24T18:00:00+08:00'), at(since), settings)?.dueAt).toEqual(promise.resolvedBy);
  });
});

describe('C4: "same day" limits end at 24:00 Shanghai of the day the complaint came in', () => {
  const sameDay: [string, (since: string) => DeadlinePlan | null][] = [
    ['C4.classify', (since) => classifyDeadline(at(since), at(since), settings)],
    ['C4.major', (since) => handlingDeadline(major, clock(since), at(since), settings)],
    ['C4.assist_inside', (since) => handlingDeadline(assistInside, clock(since), at(since), settings)],
  ];

  it.each(sameDay)('%s: at 23:59:59 Shanghai it is due at 24:00 the same day, one second later', (rule, planFor) => {
    const plan = planFor('2026-11-23T23:59:59+08:00');
    expect(plan).toMatchObject({ rule, dueAt: at('2026-11-24T00:00:00+08:00') });
    expect(plan && plan.dueAt.getTime() - at('2026-11-23T23:59:59+08:00').getTime()).toBe(1000);
  });

  it.each(sameDay)('%s: at 24:00 (00:00 the next day) it is due at 24:00 of that next day', (rule, planFor) => {
    expect(planFor('2026-11-24T00:00:00+08:00')).toMatchObject({ rule, dueAt: at('2026-11-25T00:00:00+08:00') });
  });

  it.each(sameDay)('%s: at 07:30 Shanghai (still the previous day in UTC) it is due at 24:00 Shanghai', (rule, planFor) => {
    expect(planFor('2026-11-24T07:30:00+08:00')).toMatchObject({ rule, dueAt: at('2026-11-25T00:00:00+08:00') });
  });

  it('C4: a major complaint goes to the general manager the same day, whatever the resident\'s deadline', () => {
    const plan = handlingDeadline(major, clock('2026-11-23T10:00:00+08:00', '2026-11-26T10:00:00+08:00'), at('2026-11-23T10:00:00+08:00'), settings);
    expect(plan).toMatchObject({ rule: 'C4.major', dueAt: at('2026-11-24T00:00:00+08:00') });
  });
});

describe('C4: non-responsible and assistance complaints', () => {
  it('C4: a non-responsible complaint has no handling limit: classifying it identified it', () => {
    expect(handlingDeadline(nonResponsible, clock('2026-11-23T10:00:00+08:00'), at('2026-11-23T10:00:00+08:00'), settings)).toBeNull();
  });

  it('C4: assistance outside the jurisdiction is replied to within 3 × 24 hours', () => {
    const plan = handlingDeadline(assistOutside, clock('2026-11-23T23:30:00+08:00'), at('2026-11-23T23:30:00+08:00'), settings);
    expect(plan).toMatchObject({ rule: 'C4.assist_outside', dueAt: at('2026-11-26T23:30:00+08:00') });
  });

  it('C4: assistance inside the jurisdiction is replied to the same day', () => {
    const plan = handlingDeadline(assistInside, clock('2026-11-23T10:00:00+08:00'), at('2026-11-23T10:00:00+08:00'), settings);
    expect(plan).toMatchObject({ rule: 'C4.assist_inside', dueAt: at('2026-11-24T00:00:00+08:00') });
  });
});

describe('C4: warnings and the escalation ladder', () => {
  const filed = '2026-11-23T23:30:00+08:00';
  const lastSecond = '2026-11-23T23:59:59+08:00';
  const plans: [string, string, DeadlinePlan | null][] = [
    ['C4.classify', filed, classifyDeadline(at(filed), at(filed), settings)],
    ['C4.general', filed, handlingDeadline(general, clock(filed), at(filed), settings)],
    ['C4.major', filed, handlingDeadline(major, clock(filed), at(filed), settings)],
    ['C4.assist_inside', filed, handlingDeadline(assistInside, clock(filed), at(filed), settings)],
    ['C4.assist_outside', filed, handlingDeadline(assistOutside, clock(filed), at(filed), settings)],
    ['C4.major filed at 23:59:59', lastSecond, handlingDeadline(major, clock(lastSecond), at(lastSecond), settings)],
  ];

  it.each(plans)('%s: a breach goes desk → supervisor → manager, an hour between rungs', (_rule, _since, plan) => {
    expect(plan).toMatchObject({ ladder: ['desk', 'supervisor', 'manager'], escalateEveryMinutes: 60 });
  });

  it.each(plans)('%s: with time remaining, the warning lies after the filing and strictly before the due time', (_rule, since, plan) => {
    if (!plan) throw new Error('expected a plan');
    expect(plan.warnAt.getTime()).toBeGreaterThan(at(since).getTime());
    expect(plan.warnAt.getTime()).toBeLessThan(plan.dueAt.getTime());
  });

  it('C4: the warning goes out once 80 % of the time allowed has passed, or the property\'s own share', () => {
    const since = clock(filed);
    expect(handlingDeadline(general, since, at(filed), settings)?.warnAt).toEqual(at('2026-11-25T13:54:00+08:00'));
    expect(handlingDeadline(general, since, at(filed), { ...settings, warnAtShare: 0.5 })?.warnAt).toEqual(at('2026-11-24T23:30:00+08:00'));
  });

  it('C4: a limit already past when it is set (an upgrade found late) is escalated to the desk at once, with no warning first', () => {
    const plan = handlingDeadline(major, clock('2026-11-23T10:00:00+08:00'), at('2026-11-24T09:00:00+08:00'), settings);
    if (!plan) throw new Error('expected a plan');
    expect(plan.warnAt.getTime()).toBeLessThanOrEqual(plan.dueAt.getTime());
    const step = nextDeadlineStep(stored(plan, 0), at('2026-11-24T09:00:00+08:00'));
    expect(step).toMatchObject({ kind: 'escalate', to: 'desk' });
  });
});

describe('C4: the reminders sweep walks a complaint\'s plan', () => {
  const filed = at('2026-11-23T23:30:00+08:00');
  const plan = handlingDeadline(general, { since: filed, residentDeadline: null }, filed, settings) as DeadlinePlan;
  const due = at('2026-11-25T23:30:00+08:00');
  const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60 * 1000);

  it('C4: following each step to its next check: warn, then the desk at due, the supervisor at +60 min, the manager at +120 min, then nothing', () => {
    const done: string[] = [];
    let step = 0;
    let now: Date | null = filed;
    for (let guard = 0; now && guard < 20; guard++) {
      const out = nextDeadlineStep(stored(plan, step), now);
      if (out.kind !== 'none') {
        done.push(`${out.kind === 'warn' ? 'warn' : out.to}@${now.toISOString()}`);
        step++;
      }
      now = out.nextCheckAt;
    }
    expect(done).toEqual([
      `warn@${plan.warnAt.toISOString()}`,
      `desk@${due.toISOString()}`,
      `supervisor@${plusMinutes(due, 60).toISOString()}`,
      `manager@${plusMinutes(due, 120).toISOString()}`,
    ]);
    expect(nextDeadlineStep(stored(plan, step), plusMinutes(due, 24 * 60))).toEqual({ kind: 'none', nextCheckAt: null });
  });

  it.each([
    ['not yet warned, 1 ms before the warning', 'none', 0, -1, 'warnAt'],
    ['not yet warned, at the warning', 'warn', 0, 0, 'warnAt'],
    ['warned, 1 ms before due', 'none', 1, -1, 'due'],
    ['warned, at due', 'escalate:desk', 1, 0, 'due'],
    ['desk told, 59 min 59.999 s past due', 'none', 2, 60 * 60 * 1000 - 1, 'due'],
    ['desk told, 60 min past due', 'escalate:supervisor', 2, 60 * 60 * 1000, 'due'],
    ['supervisor told, 119 min 59.999 s past due', 'none', 3, 120 * 60 * 1000 - 1, 'due'],
    ['supervisor told, 120 min past due', 'escalate:manager', 3, 120 * 60 * 1000, 'due'],
    ['manager told, a day later', 'none', 4, 24 * 60 * 60 * 1000, 'due'],
  ])('C4: %s → %s', (_label, expected, step, offsetMs, from) => {
    const base = from === 'due' ? due : plan.warnAt;
    const out = nextDeadlineStep(stored(plan, step), new Date(base.getTime() + offsetMs));
    expect(out.kind === 'escalate' ? `escalate:${out.to}` : out.kind).toBe(expected);
  });
});

describe('C3: a responsible complaint unresolved one calendar month (Shanghai) later becomes major', () => {
  it.each([
    ['the same day and time next month', '2026-11-23T23:30:00+08:00', '2026-12-23T23:30:00+08:00'],
    ['31 January → the last day of February (dayjs clamps to the month\'s length)', '2026-01-31T10:00:00+08:00', '2026-02-28T10:00:00+08:00'],
    ['31 January of a leap year → 29 February', '2028-01-31T10:00:00+08:00', '2028-02-29T10:00:00+08:00'],
    ['31 January 00:30 Shanghai (still 30 January in UTC) → 28 February 00:30', '2026-01-31T00:30:00+08:00', '2026-02-28T00:30:00+08:00'],
    ['31 March 07:00 Shanghai (30 March in UTC) → 30 April 07:00', '2026-03-31T07:00:00+08:00', '2026-04-30T07:00:00+08:00'],
    ['31 December → 31 January of the next year', '2026-12-31T23:59:00+08:00', '2027-01-31T23:59:00+08:00'],
  ])('C3: %s', (_label, received, upgrade) => {
    expect(upgradeAtOf(at(received))).toEqual(at(upgrade));
  });
});
