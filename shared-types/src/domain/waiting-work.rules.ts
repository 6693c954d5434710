import type { RepairStatus } from '../model/repair.model';
import { caseRank } from './complaint-queue.rules';
import { RATE_WITHIN_MS } from './repair.machine';
import { queueRank } from './repair-queue.rules';

/** A technician's day plan: what is theirs to visit, quote, finish or have signed. */
export const onTechnicianList: readonly RepairStatus[] = ['dispatched', 'acknowledged', 'arrived', 'quoted', 'in_progress', 'completed'];

/** R3: the desk's queue ranks a repair waiting for dispatch at most this (urgent ones at URGENT_WAITING_RANK). */
export const WAITING_DISPATCH_MAX_RANK = queueRank({ status: 'submitted', priority: 'normal' });
export const URGENT_WAITING_RANK = queueRank({ status: 'submitted', priority: 'urgent' });
/** R3: an urgent order out with a technician. */
export const URGENT_OUT_RANK = queueRank({ status: 'dispatched', priority: 'urgent' });
/** C4 C9: a case of top urgency (VIP, major complaint, group) still open. */
export const TOP_CASE_RANK = caseRank({ status: 'received', urgency: 'top' });

/** R6: a quote waits for the resident's acceptance before work starts. */
export const AWAITING_ACCEPTANCE: RepairStatus = 'quoted';

/** R7: a signed order the resident has not rated waits for them while its rating window is open. */
export const ratableSince = (now: Date): string => new Date(now.getTime() - RATE_WITHIN_MS).toISOString();
