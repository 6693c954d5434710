import { atShanghai, inShanghai, shanghaiDate } from '../time/shanghai';

/** C6: the register a complaint is entered in: the Shanghai day it was received. */
export const registerDateOf = (receivedAt: Date): string => shanghaiDate(receivedAt);

/** C6: an unsigned register is flagged the next morning, at 08:00 Shanghai. */
export const flagTimeOf = (date: string): Date => new Date(atShanghai(date, '08:00').getTime() + 24 * 60 * 60 * 1000);

/**
 * C6: the registers whose flag time has come by `now`, looking back `days` days (so a timer that
 * missed a morning still flags them), most recent first.
 */
export const registersDue = (now: Date, days = 3): string[] => {
  const today = inShanghai(now).startOf('day');
  return Array.from({ length: days }, (_, i) => today.subtract(i + 1, 'day').format('YYYY-MM-DD')).filter(
    (date) => flagTimeOf(date) <= now,
  );
};
