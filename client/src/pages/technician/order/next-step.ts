import type { RepairStatus } from '@shared/model/repair.model';
import { repairMachine } from '@shared/domain/repair.machine';
import type { RepairView } from '../../../offline/commands';

export type NextStep = 'acknowledge' | 'arrive' | 'quote' | 'accept' | 'complete' | 'signOff' | 'clearBlocker';

/** The one step each status leads to on site (R4–R7); once signed, rating is the resident's, on their own phone. */
const stepOf: Partial<Record<RepairStatus, NextStep>> = {
  dispatched: 'acknowledge',
  acknowledged: 'arrive',
  arrived: 'quote',
  quoted: 'accept',
  in_progress: 'complete',
  completed: 'signOff',
};

/** The big button: the status's next step, when the server (or the queue's machine) allows it now. */
export const nextStepOf = (view: RepairView): NextStep | null => {
  if (view.blocker) return view.actions.includes('clearBlocker') ? 'clearBlocker' : null;
  const step = stepOf[view.status];
  return step && view.actions.includes(step) ? step : null;
};

/**
 * R5: 无人在家 is offered as soon as he is at the door; the server lists it only after the 3 minutes,
 * and the page counts those down itself.
 */
export const canReportNoAnswer = (view: RepairView): boolean => !view.blocker && repairMachine.transitions.noAnswer.from.includes(view.status);
