import type { Priority } from '../model/repair.model';
import type { RepairAction } from './repair.machine';

/**
 * Issue 18 (3): what a resident is told after a step of her repair: who acted, and when she will
 * hear or see them next. The words are the catalogue's (`residentNotices`); this decides which line
 * and with which facts.
 */
export type ResidentLineKey =
  | 'dispatched'
  | 'reassigned'
  | 'acknowledged'
  | 'acknowledgedForWindow'
  | 'arrived'
  | 'noAnswer'
  | 'rescheduled'
  | 'quoted'
  | 'started'
  | 'completed'
  | 'signed'
  | 'blocked'
  | 'unblocked'
  | 'sentBack'
  | 'redispatching'
  | 'continuing'
  | 'priorityChanged';

export interface ResidentLine {
  key: ResidentLineKey;
  /** The technician's name, null when none holds the order. */
  technician: string | null;
  /** When the step happened (ISO). */
  at: string;
  /** The promise in minutes, for the lines that make one. */
  withinMinutes?: number;
  /** The start of the booked window (ISO), for a technician coming at a set time (V4). */
  comesAt?: string;
  amountFen?: number;
  priority: Priority;
}

/** The order as the rule reads it after the step. */
export interface OrderFacts {
  technician: { name: string } | null;
  priority: Priority;
  appointment: { start: string } | null;
  quote: { totalFen: number } | null;
  completion: { amountFen: number } | null;
}

/** The property's settings the promises come from. */
export interface PromiseSettings {
  ackMinutes: { urgent: number; normal: number };
}

const lineOf: Record<RepairAction, ResidentLineKey | null> = {
  submit: null,
  dispatch: 'dispatched',
  reassign: 'reassigned',
  overridePriority: 'priorityChanged',
  acknowledge: 'acknowledged',
  arrive: 'arrived',
  noAnswer: 'noAnswer',
  reschedule: 'rescheduled',
  quote: 'quoted',
  accept: 'started',
  complete: 'completed',
  signOff: 'signed',
  rate: null,
  reportBlocker: 'blocked',
  clearBlocker: 'unblocked',
  sendBack: 'sentBack',
  approveSendBack: 'redispatching',
  rejectSendBack: 'continuing',
  unassign: 'redispatching',
};

/**
 * R4: the property's response time for the order's priority is what it promises the resident: the
 * technician picks the order up and calls her within it. A booked window (V4) replaces the promise
 * with the time he comes.
 */
const promiseOf = (order: OrderFacts, settings: PromiseSettings): Pick<ResidentLine, 'withinMinutes' | 'comesAt'> =>
  order.appointment ? { comesAt: order.appointment.start } : { withinMinutes: settings.ackMinutes[order.priority] };

/** The resident's line for one step of her repair, or null for the steps only she takes (filing, rating). */
export const residentRepairLine = (action: RepairAction, order: OrderFacts, settings: PromiseSettings, at: Date): ResidentLine | null => {
  const key = lineOf[action];
  if (!key) return null;
  const line: ResidentLine = { key, technician: order.technician?.name ?? null, at: at.toISOString(), priority: order.priority };
  switch (key) {
    case 'dispatched':
    case 'reassigned':
      return { ...line, ...promiseOf(order, settings) };
    case 'acknowledged': {
      const promise = promiseOf(order, settings);
      return promise.comesAt ? { ...line, key: 'acknowledgedForWindow', ...promise } : { ...line, ...promise };
    }
    case 'quoted':
      return { ...line, amountFen: order.quote?.totalFen ?? 0 };
    case 'completed':
      return { ...line, amountFen: order.completion?.amountFen ?? 0 };
    default:
      return line;
  }
};
