import type { TimerStep } from '@shared/model/environment.model';
import type { Sweep } from './sweep';

/**
 * Issue 15 (1, 3): what the areas' sweeps add to a reminders run's result, one field per area. An area
 * adds its field beside its sweeps (its `exports.ts`), by declaration merging:
 * `declare module '../_shared/timer-sweeps' { interface SweepResults { keys: { chased: number } } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the areas' declarations
export interface SweepResults {}

type Field = keyof SweepResults;

/** One step of the reminders run: its work, and what the run records for it when it does not run or fails. */
export interface TimerSweep<T> {
  step: TimerStep;
  work: (sweep: Sweep) => Promise<T>;
  nothing: T;
}

type PerKey<R> = { [K in keyof R]: TimerSweep<R[K]> };

/**
 * An area's sweeps, exported as `sweeps` from its `exports.ts`: the field of the run's result they fill,
 * by one step (`sweep`) or by one step per key of that field (`sweeps`, run in the order written). The
 * steps are those the area's declaration lists under `timerSteps` (tests/build/registry.test.ts).
 */
export type AreaSweeps<F extends Field = Field> = F extends Field ? { field: F; sweep: TimerSweep<SweepResults[F]> } | { field: F; sweeps: PerKey<SweepResults[F]> } : never;

export const defineSweeps = <F extends Field>(sweeps: AreaSweeps<F>): AreaSweeps<F> => sweeps;

/** An area's steps in their order, each with the key of the area's field it fills (none: the whole field). */
export const stepsOf = (area: AreaSweeps): { key: string | null; sweep: TimerSweep<unknown> }[] =>
  'sweep' in area ? [{ key: null, sweep: area.sweep as TimerSweep<unknown> }] : Object.entries(area.sweeps as Record<string, TimerSweep<unknown>>).map(([key, sweep]) => ({ key, sweep }));
