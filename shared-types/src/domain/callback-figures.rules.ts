import type { CallbackDoc, CallbackKind } from '../model/callback.model';
import { atShanghai, inShanghai, startOfWeek } from '../time/shanghai';

export interface TaskRow {
  kind: CallbackKind;
  createdAt: string;
  done: boolean;
  reached: boolean;
  satisfied: boolean;
}

/** A stored task as the figures count it. */
export const taskRowOf = (c: CallbackDoc): TaskRow => ({
  kind: c.kind,
  createdAt: c.createdAt,
  done: c.status === 'done',
  reached: !!c.outcome?.reached,
  satisfied: c.outcome?.satisfied === true,
});

export interface KindCount {
  kind: CallbackKind;
  planned: number;
  done: number;
  reached: number;
  satisfied: number;
  /** B4: the callback rate: done out of planned, or null with none planned. */
  rate: number | null;
}

const KINDS: readonly CallbackKind[] = ['repair', 'complaint', 'routine', 'visit'];

/** B4: callbacks planned, done, reached and satisfied, and the rate done, by kind (every kind listed, zeros included). */
export const countByKind = (tasks: readonly TaskRow[]): KindCount[] =>
  KINDS.map((kind) => {
    const mine = tasks.filter((t) => t.kind === kind);
    return {
      kind,
      planned: mine.length,
      done: mine.filter((t) => t.done).length,
      reached: mine.filter((t) => t.reached).length,
      satisfied: mine.filter((t) => t.satisfied).length,
      rate: mine.length ? mine.filter((t) => t.done).length / mine.length : null,
    };
  });

/** The month as instants: [first day 00:00, next month's first day 00:00) in Shanghai. */
export const monthSpan = (month: string): { from: Date; to: Date } => {
  const from = atShanghai(`${month}-01`);
  return { from, to: inShanghai(from).add(1, 'month').toDate() };
};

/** B4 R12: the weeks (Monday to Sunday, Shanghai) that overlap the month, cut to the month. */
export const weeksOf = (month: string): { from: Date; to: Date }[] => {
  const { from, to } = monthSpan(month);
  const weeks: { from: Date; to: Date }[] = [];
  for (let start = startOfWeek(from); start < to; start = inShanghai(start).add(7, 'day').toDate()) {
    const end = inShanghai(start).add(7, 'day').toDate();
    weeks.push({ from: start < from ? from : start, to: end > to ? to : end });
  }
  return weeks;
};

/** R13 C7: a check is met at the share it asks for; with nothing to call back it is met. */
export const check = (whole: number, calledBack: number, share: number) => ({
  rate: whole ? calledBack / whole : null,
  met: whole === 0 || calledBack / whole >= share,
});
