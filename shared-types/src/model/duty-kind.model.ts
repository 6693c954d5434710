import * as z from 'zod/mini';

/**
 * D1: what a duty-log entry is about. The kinds D1 always logs (complaint calls, theft, wind, fire,
 * water and power accidents, fights, staff violations, move-ins and move-outs, construction), major
 * equipment starting or stopping (D3), and anything else the desk notes.
 */
export const DutyKind = z.enum([
  'complaint_call',
  'theft',
  'wind',
  'fire',
  'water',
  'power',
  'fight',
  'staff_violation',
  'move_in',
  'move_out',
  'construction',
  'equipment',
  'other',
]);
export type DutyKind = z.infer<typeof DutyKind>;
