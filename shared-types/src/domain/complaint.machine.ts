import { defineMachine } from './state-machine';
import type { ComplaintStatus, Classification } from '../model/complaint.model';

export interface ComplaintCase {
  status: ComplaintStatus;
  version: number;
  classification: Classification | null;
  rating?: unknown;
  /** C4: the manager has taken it up (once). */
  managerAck?: unknown;
}

const staff = ['desk', 'supervisor', 'manager'] as const;

export type ComplaintAction = 'file' | 'raise' | 'classify' | 'issueSlip' | 'acknowledge' | 'upgrade' | 'reply' | 'join' | 'resolveWithGroup' | 'rate';

/**
 * C1–C5: a complaint (or a group of them) is received, classified, handled (a slip to the department
 * responsible, the manager taking up a major one) and resolved by a reply; a household's complaint
 * that joins a group is resolved with it. C3: a responsible complaint still unresolved a month
 * after it came in is upgraded to major by the timer.
 */
export const complaintMachine = defineMachine<ComplaintStatus, ComplaintAction, ComplaintCase>({
  name: 'complaint',
  states: ['received', 'handling', 'grouped', 'resolved'],
  transitions: {
    file: { from: [], to: 'received', roles: ['resident', ...staff] },
    raise: { from: [], to: 'handling', roles: ['resident', ...staff] },
    classify: { from: ['received', 'handling'], to: 'handling', roles: staff },
    issueSlip: { from: ['handling'], roles: staff },
    acknowledge: {
      from: ['handling'],
      roles: ['manager'],
      guard: (c) => (c.classification?.severity === 'major' && !c.managerAck ? null : 'STATE.TRANSITION_NOT_ALLOWED'),
    },
    upgrade: {
      from: ['handling'],
      roles: ['system'],
      guard: (c) => (c.classification?.class === 'responsible' && c.classification.severity === 'general' ? null : 'STATE.TRANSITION_NOT_ALLOWED'),
    },
    reply: { from: ['handling'], to: 'resolved', roles: staff },
    join: { from: ['received', 'handling'], to: 'grouped', roles: ['resident', ...staff] },
    resolveWithGroup: { from: ['grouped'], to: 'resolved', roles: [...staff, 'system'] },
    rate: { from: ['resolved'], roles: ['resident'], guard: (c) => (c.rating ? 'STATE.TRANSITION_NOT_ALLOWED' : null) },
  },
});
