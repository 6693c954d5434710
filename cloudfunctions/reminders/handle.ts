import { dropExpiredCommands } from '../_shared/commands';
import { sweepDeadlines, type SweepReport } from '../_shared/deadlines';
import { groupMeets } from '../complaints/exports';
import { drainOutbox, type DrainReport } from '../_shared/outbox';
import { reminderWanted } from '../_shared/places';
import { journalStep } from '../_shared/journal-step';
import { sweepContentChecks, type CheckSweepReport } from '../_shared/content-sweep';
import { timerHandle, type TimerRunBase } from '../_shared/timer-run';
import { planRepairCallbackTasks } from './repair-callbacks';
import { planMonthTopUp } from './month-top-up';
import { planRoutineCallbacks } from './routine-callbacks';
import { upgradeListed } from './upgrades';

export { RUN_BUDGET_MS, TimerEvent } from '../_shared/timer-run';

/** What the platform's own steps report (the areas' sweeps are `reminders-areas`' run). */
export interface PlatformRun {
  deadlines: SweepReport;
  outbox: DrainReport;
  callbacks: { created: number };
  /** Issue 12 (3.3): older stored documents brought up to date for the lists. */
  upgraded: number;
  /** Issue 13 (1.9): content checks made again. */
  contentChecks: CheckSweepReport;
  /** Issue 16: command journals fanned out by the timer (their call died first). */
  journals: { fanned: number };
  /** Command records older than COMMAND_RETENTION_DAYS removed (their journals checked). */
  commandRetention: { removed: number };
}

export type RemindersRun = PlatformRun & TimerRunBase;

/**
 * Every minute: alarm a gap in the timers' runs, fan out the journals of commands whose call died, raise
 * due warnings and escalations, bring older stored documents up to date for the lists, plan the callbacks
 * owed (R10 R13 B1), make again the content checks that failed or whose verdict never came (issue 13, 1.9),
 * remove the command records past their retention, then send whatever the outbox still holds (the
 * notices the areas' sweeps of `reminders-areas` left too). Issue 12 (3.8): each step runs on its own, and
 * so does each property and document inside it; the outbox is always drained; the heartbeat records the
 * outcome last. Issue 16: the areas' sweeps run in the second timer function, `reminders-areas`, so
 * that each bundle stays within 120 KB.
 */
export const handle = timerHandle('reminders', async (run): Promise<PlatformRun> => {
  const none = { created: 0 };
  // Issue 16: the first sweep, the journals of commands whose call died between its commit and their
  // fan-out (their events and notices), so the deadlines' sweep and the outbox below find them.
  const journals = await run('journal', journalStep, { fanned: 0 });
  const deadlines = await run('deadlines', (s) => sweepDeadlines(s, 100, { complaintGroup: groupMeets }), { warned: 0, escalated: 0 });
  const upgraded = await run('upgrades', upgradeListed, 0);
  const repairCallbacks = await run('repairCallbacks', planRepairCallbackTasks, none);
  const topUp = await run('monthTopUp', planMonthTopUp, none);
  const routine = await run('routineCallbacks', planRoutineCallbacks, none);
  const contentChecks = await run('contentChecks', (s) => sweepContentChecks(s), { retried: 0, givenUp: 0 });
  const commandRetention = await run('commandRetention', (s) => dropExpiredCommands(s), { removed: 0 });
  const outbox = await run('outbox', (s) => drainOutbox(s, 50, { 'booking.reminder': reminderWanted }), { sent: 0, retried: 0, dead: 0, unsent: 0, deferred: 0 }, true);
  return { journals, commandRetention, deadlines, outbox, callbacks: { created: repairCallbacks.created + topUp.created + routine.created }, upgraded, contentChecks };
});
