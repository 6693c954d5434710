import type { DutyEntry, EntrySource } from '../model/duty.model';
import type { DutyKind } from '../model/duty-kind.model';

/** D2: an entry of a major kind needs an emergency record with photos. */
export const needsEmergencyRecord = (entry: Pick<DutyEntry, 'major' | 'emergency'>): boolean => entry.major && !entry.emergency?.photos.length;

/** D2: why a day's log may not be signed yet, or null: its last shift still running, or a major event without its emergency record. */
export const signDayRefusal = (
  day: { lastPageEndsAt: Date; entries: readonly Pick<DutyEntry, 'major' | 'emergency'>[] },
  now: Date,
): 'DUTY.DAY_NOT_OVER' | 'DUTY.EMERGENCY_RECORD_MISSING' | null => {
  if (now < day.lastPageEndsAt) return 'DUTY.DAY_NOT_OVER';
  if (day.entries.some(needsEmergencyRecord)) return 'DUTY.EMERGENCY_RECORD_MISSING';
  return null;
};

/** D1: an event another area knows of, proposed as an entry. */
export interface Proposal {
  source: EntrySource;
  kind: DutyKind;
  at: string;
  what: string;
}

/** D1: the proposals not yet confirmed on the page (each source is logged once). */
export const openProposals = (found: readonly Proposal[], entries: readonly Pick<DutyEntry, 'source'>[]): Proposal[] => {
  const logged = new Set(entries.flatMap((e) => (e.source ? [`${e.source.kind}:${e.source.id}`] : [])));
  return found.filter((p) => !logged.has(`${p.source.kind}:${p.source.id}`)).sort((a, b) => a.at.localeCompare(b.at));
};

/** D1: an urgent repair (R3) is a power accident when its clause is the circuit one, a water accident when it is the pipe or pump one. */
export const accidentKindOf = (rule: string | null): DutyKind | null => (rule === 'R3.3' ? 'power' : rule === 'R3.4' ? 'water' : null);
