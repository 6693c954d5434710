import * as z from 'zod';
import type { Deps } from '../_shared/deps';
import { drainOutbox, type DrainReport } from '../_shared/outbox';
import { sweepDeadlines, type SweepReport } from '../_shared/deadlines';
import { planRepairCallbackTasks } from './repair-callbacks';
import { flagUnsignedRegisters, settleGroups, upgradeUnresolved } from './complaint-sweeps';
import { carryOnImports } from './imports';
import { beat } from '../_shared/heartbeat';
import { planMonthTopUp } from './month-top-up';
import { planRoutineCallbacks } from './routine-callbacks';
import { systemCall, systemHealth } from '../_shared/system-health';

/** What WeChat's timer trigger passes; a client call carries an OPENID and is refused. */
export const TimerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string(), Time: z.string() });

export interface ComplaintSweeps {
  upgraded: number;
  registersFlagged: number;
  groupsSettled: number;
}

export type RemindersOutcome = { ok: true; data: { deadlines: SweepReport; outbox: DrainReport; callbacks: { created: number }; complaints: ComplaintSweeps; importsFinished: number; heartbeat: { gapAlarmed: boolean } } } | { ok: false; code: string; message: string };

/**
 * Every minute: plan the callbacks owed (R10 R13), upgrade complaints unresolved a month (C3), flag
 * unsigned registers (C6), finish settling resolved groups (C3), carry on stalled room imports, raise
 * due warnings and escalations,
 * then send whatever the outbox still holds.
 */
export const handle = async (event: unknown, caller: { openid: string }, deps: Deps): Promise<RemindersOutcome | Awaited<ReturnType<typeof systemHealth>>> => {
  // Issue 13: the smoke command's health check, invoked with the environment's admin credentials.
  const system = caller.openid ? null : systemCall(event);
  if (system) return systemHealth('reminders', system.input, deps);
  if (caller.openid || !TimerEvent.safeParse(event).success) {
    return { ok: false, code: 'COMMON.FORBIDDEN', message: 'timer only' };
  }
  const heartbeat = await beat(deps);
  const callbacks = await planRepairCallbackTasks(deps);
  const topUp = await planMonthTopUp(deps);
  const routine = await planRoutineCallbacks(deps);
  const complaints = {
    upgraded: await upgradeUnresolved(deps),
    registersFlagged: await flagUnsignedRegisters(deps),
    groupsSettled: await settleGroups(deps),
  };
  const importsFinished = await carryOnImports(deps);
  const deadlines = await sweepDeadlines(deps);
  const outbox = await drainOutbox(deps);
  return { ok: true, data: { heartbeat, deadlines, outbox, callbacks: { created: callbacks.created + topUp.created + routine.created }, complaints, importsFinished } };
};
