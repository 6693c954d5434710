import { areaErrorRetry } from '../areas';
import type { ErrorCode } from '../messages';

/**
 * What a caller may do when an action answers with a code, declared once for every action (each
 * action answers only catalogue codes) and read by the api client and the technician's offline
 * queue instead of lists of their own (issue 12, 3.9):
 * - `final`: the same command would be refused again (bad input, not allowed, gone, changed by
 *   someone else): show why; a queued command is set aside.
 * - `transient`: not delivered or not decided (no network, contention): send the same command (same
 *   command id) again after a short wait, as often as it takes.
 * - `wait`: refused now and allowed later by time alone (R5's 3 minutes): keep it, send it again later.
 * - `bounded`: the server failed, and a bug or bad data may never go away: a few more tries with
 *   backoff, then it is final.
 * A new error code is classified here when it is added to the catalogue; a test fails until it is. An
 * area's declaration classifies its own codes (`errors` in areas/<area>.area.ts), folded in last.
 */
export type Retry = 'final' | 'transient' | 'wait' | 'bounded';

export const errorRetry = {
  'COMMON.BAD_INPUT': 'final',
  'COMMON.UNKNOWN_ACTION': 'final',
  'COMMON.NOT_A_MEMBER': 'final',
  'COMMON.FORBIDDEN': 'final',
  'COMMON.NOT_FOUND': 'final',
  'COMMON.VERSION_CONFLICT': 'final',
  'COMMON.BUSY': 'transient',
  'COMMON.INTERNAL': 'bounded',
  'COMMON.COMMAND_REUSED': 'final',
  'COMMON.COMMAND_DONE': 'final',
  'COMMON.PROPERTY_INACTIVE': 'final',
  /** The list changed under the page the person scrolled to: read it again from the top. */
  'COMMON.BAD_CURSOR': 'final',
  /**
   * Issue 12 (4): allowed again tomorrow, but a filing sent a day late on its own would surprise the
   * person who gave up on it: they decide again.
   */
  'REPAIR.DAILY_LIMIT': 'final',
  'COMPLAINT.DAILY_LIMIT': 'final',
  'BINDING.DAILY_LIMIT': 'final',
  'BOOKING.DAILY_LIMIT': 'final',
  'STATE.TRANSITION_NOT_ALLOWED': 'final',
  'STATE.ROLE_NOT_ALLOWED': 'final',
  'STATE.TOO_EARLY': 'wait',
  'STATE.TOO_LATE': 'final',
  'REPAIR.NOT_FOUND': 'final',
  'REPAIR.ROOM_NOT_YOURS': 'final',
  'REPAIR.PLACE_NOT_FOUND': 'final',
  'REPAIR.PHOTO_NOT_YOURS': 'final',
  'REPAIR.TECHNICIAN_NOT_FOUND': 'final',
  'REPAIR.RESIDENT_NOT_FOUND': 'final',
  'REPAIR.UNKNOWN_FEE_ITEM': 'final',
  'REPAIR.SIGNATURE_REQUIRED': 'final',
  'REPAIR.REASON_REQUIRED': 'final',
  'REPAIR.FILE_NOT_YOURS': 'final',
  'REPAIR.RATING_IS_RESIDENTS': 'final',
  'REPAIR.NOBODY_TO_RATE': 'final',
  'REPAIR.FILER_ONLY': 'final',
  'REPAIR.AMOUNT_NOT_QUOTED': 'final',
  'CALLBACK.NOT_FOUND': 'final',
  'CALLBACK.ALREADY_DONE': 'final',
  'CALLBACK.CANCELLED': 'final',
  'CALLBACK.SIGNATURE_REQUIRED': 'final',
  'CALLBACK.FILE_NOT_YOURS': 'final',
  'CALLBACK.ALREADY_RAISED': 'final',
  'CALLBACK.MANAGER_ONLY': 'final',
  'COMPLAINT.NOT_FOUND': 'final',
  'COMPLAINT.ROOM_NOT_YOURS': 'final',
  'COMPLAINT.PHOTO_NOT_YOURS': 'final',
  'COMPLAINT.RESIDENT_NOT_FOUND': 'final',
  'COMPLAINT.IN_THE_FUTURE': 'final',
  'COMPLAINT.DEADLINE_PASSED': 'final',
  'COMPLAINT.SEVERITY_REQUIRED': 'final',
  'COMPLAINT.JURISDICTION_REQUIRED': 'final',
  'COMPLAINT.MUST_BE_MAJOR': 'final',
  'COMPLAINT.APOLOGY_REQUIRED': 'final',
  'COMPLAINT.REPLY_FORM': 'final',
  'COMPLAINT.IN_A_GROUP': 'final',
  'COMPLAINT.REGISTER_FUTURE': 'final',
  'BOOTSTRAP.NOT_CONFIGURED': 'final',
  'BOOTSTRAP.WRONG_SECRET': 'final',
  'BOOTSTRAP.ALREADY_DONE': 'final',
  'PROPERTY.NOT_FOUND': 'final',
  'PROPERTY.EXISTS': 'final',
  'INVITATION.NOT_FOUND': 'final',
  'INVITATION.USED': 'final',
  'INVITATION.EXPIRED': 'final',
  'INVITATION.ROLE_NOT_ALLOWED': 'final',
  'INVITATION.OTHER_PROPERTY': 'final',
  'ROOM_INVITATION.OFF': 'final',
  'ROOM_INVITATION.NOT_YOUR_ROOM': 'final',
  'ROOM_INVITATION.NOT_OWNER': 'final',
  'ROOM_INVITATION.NOT_FOUND': 'final',
  'ROOM_INVITATION.CANCELLED': 'final',
  'ROOM_INVITATION.DAILY_LIMIT': 'final',
  'MEMBER.ALREADY_MEMBER': 'final',
  'MEMBER.NOT_FOUND': 'final',
  'MEMBER.INACTIVE': 'final',
  'MEMBER.NOT_YOURSELF': 'final',
  'MEMBER.NOT_STAFF': 'final',
  'MEMBER.NOT_TECHNICIAN': 'final',
  'BINDING.NOT_FOUND': 'final',
  'BINDING.ROOM_NOT_FOUND': 'final',
  'BINDING.ALREADY_BOUND': 'final',
  'BINDING.ALREADY_PENDING': 'final',
  'BINDING.TOO_MANY_PENDING': 'final',
  'BINDING.STAFF_CANNOT_BIND': 'final',
  'BINDING.ALREADY_REVIEWED': 'final',
  'BINDING.REASON_REQUIRED': 'final',
  'SETTINGS.SHIFT_START_TAKEN': 'final',
  'SETTINGS.NOT_DESK': 'final',
  'SETTINGS.HOURS': 'final',
  'SETTINGS.WINDOWS': 'final',
  'SETTINGS.DUPLICATE_FEE': 'final',
  'IMPORT.NOT_FOUND': 'final',
  'IMPORT.FILE_NOT_YOURS': 'final',
  'PRIVACY.NOT_FOUND': 'final',
  'PRIVACY.OPEN_TICKETS': 'final',
  'MEMBER.PHONE_CODE': 'final',
  'IMPORT.BUILDING_TAKEN': 'final',
  'IMPORT.NO_SUCH_BUILDING': 'final',
  'BOOKING.NOT_A_SLOT': 'final',
  'BOOKING.IN_THE_PAST': 'final',
  'BOOKING.FULL': 'final',
  'BOOKING.NOT_FOUND': 'final',
  'BOOKING.ROOM_NOT_YOURS': 'final',
  'BOOKING.CANCELLED': 'final',
  'BOOKING.REPAIR_NOT_OPEN': 'final',
  'BOOKING.REPAIR_URGENT': 'final',
  'BOOKING.REPAIR_HAS_WINDOW': 'final',
  'BOOKING.PUBLIC_PLACE': 'final',
  'BOOKING.VISIT_DONE': 'final',
  'BOOKING.TECHNICIAN_BUSY': 'final',
  'RECEPTION.NOT_FOUND': 'final',
  'RECEPTION.REPLY_TIME_REQUIRED': 'final',
  'GROUP_VISIT.TIMES': 'final',
  'CONTENT.ITEM_NOT_FOUND': 'final',
  'CONTENT.NOT_HELD': 'final',
  'CONTENT.ALREADY_DECIDED': 'final',
  ...areaErrorRetry,
} as const satisfies Record<ErrorCode, Retry>;

/** A code this build does not know (a newer server's) is final: shown with the server's own message, not retried blindly. */
export const retryOf = (code: string): Retry =>
  Object.prototype.hasOwnProperty.call(errorRetry, code) ? errorRetry[code as ErrorCode] : 'final';
