import type { Role } from '../model/member.model';
import type { NoticeKind } from '../model/outbox.model';

/**
 * Issue 5: who is pushed each kind of notice, so a person is asked to subscribe only to the
 * templates that will reach them: residents hear of their own tickets' progress; the desk of new
 * tickets and callbacks; technicians of dispatches; supervisors and managers of escalations and
 * major complaints.
 */
export const pushAudience: Record<NoticeKind, readonly Role[]> = {
  'repair.new': ['desk'],
  'repair.dispatched': ['technician'],
  'repair.changed': ['resident', 'technician'],
  'deadline.warn': ['desk'],
  'deadline.breach': ['desk', 'supervisor', 'manager'],
  'complaint.new': ['desk'],
  'complaint.major': ['supervisor', 'manager'],
  'complaint.group': ['desk', 'supervisor', 'manager'],
  'complaint.changed': ['resident'],
  'register.unsigned': ['supervisor', 'manager'],
  'binding.new': ['desk'],
  'binding.approved': ['resident'],
  'binding.rejected': ['resident'],
  'privacy.erasure': ['manager'],
  'timer.missed': ['supervisor', 'manager'],
  'callback.due': ['desk'],
  'booking.reminder': ['resident'],
  'booking.window': ['technician'],
  'reception.unsettled': ['supervisor'],
  'group.arriving': ['desk', 'supervisor'],
  'duty.unsigned': ['supervisor', 'manager'],
  'duty.handoverLate': ['supervisor'],
  'key.overdue': ['desk'],
  'key.escalated': ['supervisor'],
  'key.inventory': ['desk'],
  'key.report': ['supervisor'],
  'file.asked': ['supervisor'],
  'file.contact': ['resident'],
};

/** WeChat asks for at most three templates in one consent prompt. */
export const TEMPLATES_PER_PROMPT = 3;

/** Below this many sends left, staff are warned in the app that pushes will soon stop reaching them. */
export const LOW_STOCK = 2;
