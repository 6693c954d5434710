import type { SettingsDoc } from '../model/settings.model';

export interface QuoteLine {
  code: string;
  name: string;
  priceFen: number;
  qty: number;
}

export type QuoteResult = { ok: true; lines: QuoteLine[]; totalFen: number } | { ok: false; unknownCode: string };

/** R6: a quote is priced from the property's fee schedule, never from the client; free repairs total 0. */
export const priceQuote = (items: readonly { code: string; qty: number }[], feeSchedule: SettingsDoc['feeSchedule']): QuoteResult => {
  const lines: QuoteLine[] = [];
  for (const item of items) {
    const fee = feeSchedule.find((f) => f.code === item.code);
    if (!fee) return { ok: false, unknownCode: item.code };
    lines.push({ code: fee.code, name: fee.name, priceFen: fee.priceFen, qty: item.qty });
  }
  return { ok: true, lines, totalFen: lines.reduce((sum, l) => sum + l.priceFen * l.qty, 0) };
};

/** An order as stored, or as a view shows it (where an absent field reads as none). */
interface Quoted {
  quote?: { totalFen: number } | null;
  acceptance?: object | null;
}

/**
 * R6 R7: what the resident is charged is the total of the quote they accepted, on their phone or by
 * signing on the technician's; extra work is a revised quote they accept again. Null while no quote
 * stands accepted.
 */
export const acceptedTotalFen = (r: Quoted): number | null => (r.quote && r.acceptance ? r.quote.totalFen : null);

/**
 * R12: the amount a completed order counts for: its accepted quote, also for orders completed before
 * the amount stopped coming from the technician's phone (their recorded amount counts only where no
 * quote stands accepted).
 */
export const chargedFen = (r: Quoted & { completion?: { amountFen: number } | null }): number =>
  r.completion ? (acceptedTotalFen(r) ?? r.completion.amountFen) : 0;

/** 3000 → "30.00": fen shown as yuan, without floating point. */
export const yuan = (fen: number): string => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
