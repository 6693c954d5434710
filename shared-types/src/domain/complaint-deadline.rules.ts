import type { Classification } from '../model/complaint.model';
import type { SettingsDoc } from '../model/settings.model';
import type { Role } from '../model/member.model';
import { endOfSameDay, inShanghai, shanghaiDate, withinDays } from '../time/shanghai';
import { warnBefore, type DeadlinePlan } from './deadline.rules';

/** C4: a breach goes up the ladder desk → supervisor → manager, an hour between rungs. */
const ladder: Role[] = ['desk', 'supervisor', 'manager'];
const HOUR = 60;

const plan = (rule: string, since: Date, dueAt: Date, now: Date, settings: SettingsDoc): DeadlinePlan => ({
  rule,
  dueAt,
  warnAt: dueAt <= now ? dueAt : warnBefore(since, dueAt, settings.warnAtShare),
  ladder,
  escalateEveryMinutes: HOUR,
});

/** C4: whatever it turns out to be, a complaint is identified (classified) the day it is received. */
export const classifyDeadline = (receivedAt: Date, now: Date, settings: SettingsDoc): DeadlinePlan =>
  plan('C4.classify', receivedAt, endOfSameDay(receivedAt), now, settings);

export interface HandlingClock {
  /** When the complaint (or the group) was received, or became major (the one-month upgrade). */
  since: Date;
  residentDeadline: Date | null;
}

/**
 * C4: the time limit a classification sets, or null when classifying met it:
 * - major and group: to the general manager the same day (met when the manager takes it up);
 * - general: resolved within 2 days, or by the resident's own earlier deadline;
 * - non-responsible: identified the same day, which the classification itself does;
 * - assistance: a reply the same day inside the jurisdiction, within 3 days outside it.
 */
export const handlingDeadline = (
  c: Pick<Classification, 'class' | 'severity' | 'jurisdiction'>,
  clock: HandlingClock,
  now: Date,
  settings: SettingsDoc,
): DeadlinePlan | null => {
  const { since } = clock;
  if (c.class === 'non_responsible') return null;
  if (c.class === 'assistance') {
    return c.jurisdiction === 'outside'
      ? plan('C4.assist_outside', since, withinDays(since, 3), now, settings)
      : plan('C4.assist_inside', since, endOfSameDay(since), now, settings);
  }
  if (c.severity === 'major') return plan('C4.major', since, endOfSameDay(since), now, settings);
  return plan('C4.general', since, generalDue(clock), now, settings);
};

/** C4 general: resolved within 2 days, or by the resident's own earlier deadline. */
const generalDue = ({ since, residentDeadline }: HandlingClock): Date => {
  const twoDays = withinDays(since, 2);
  return residentDeadline && residentDeadline < twoDays ? residentDeadline : twoDays;
};

export interface FilingPromise {
  /** The Shanghai day the desk identifies it (classifies it) on: the day it arrives. */
  identifiedOn: string;
  /** The end of that day: the classification's own deadline (C4.classify). */
  identifiedBy: Date;
  /** When a general complaint is resolved by. */
  resolvedBy: Date;
}

/** C4 as the resident is told it the moment she files: who reads it and by when, before anyone has classified it. */
export const filingPromise = (receivedAt: Date, residentDeadline: Date | null): FilingPromise => ({
  identifiedOn: shanghaiDate(receivedAt),
  identifiedBy: endOfSameDay(receivedAt),
  resolvedBy: generalDue({ since: receivedAt, residentDeadline }),
});

/** Every rule a complaint's handling clock can run under; a reclassification cancels the others. */
export const handlingRules = ['C4.major', 'C4.general', 'C4.assist_inside', 'C4.assist_outside'] as const;

/** C3: a responsible complaint not resolved within one (calendar) month becomes major. */
export const upgradeAtOf = (receivedAt: Date): Date => inShanghai(receivedAt).add(1, 'month').toDate();
