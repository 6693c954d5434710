import type { Role } from '../model/member.model';

/**
 * Issue 14 (2): whose work a member's badge counts in another property. The desk side (desk,
 * supervisor, manager): repairs waiting for dispatch and open complaint cases; a technician: the
 * orders on their list; a resident: what waits for their answer (a quote, a rating). The company's
 * administrator has no inbox of their own. Apart from the counts' rules (waiting-work.rules.ts), so
 * the app's words for each take no more than this.
 */
export type WaitingFor = 'desk' | 'technician' | 'resident';
export const waitingFor = (role: Role): WaitingFor | null => {
  if (role === 'desk' || role === 'supervisor' || role === 'manager') return 'desk';
  if (role === 'technician' || role === 'resident') return role;
  return null;
};
