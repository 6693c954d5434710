import type { ComplaintCategory, ComplaintPlace } from '../model/complaint.model';

/** C3: five or more households. */
export const GROUP_HOUSEHOLDS = 5;

/** C3 "the same matter": the same category at the same building or public area. */
export const matterKeyOf = (category: ComplaintCategory, place: ComplaintPlace): string =>
  `${category}@${place.scope === 'building' ? `b${place.building}` : `a${place.area}`}`;

export interface MatterEntry {
  complaintId: string;
  /** Households are rooms: two residents of one room are one household. */
  roomId: string;
  at: string;
}

export interface MatterState {
  recent: MatterEntry[];
  openGroupId: string | null;
}

export type GroupDecision =
  | { kind: 'none' }
  | { kind: 'raise'; members: MatterEntry[] }
  | { kind: 'join'; groupId: string };

const HOUR_MS = 60 * 60 * 1000;

/** C3 "the same time": filed within the window before now (the window's start is inside it). */
export const inWindow = (entries: readonly MatterEntry[], now: Date, windowHours: number): MatterEntry[] => {
  const start = now.getTime() - windowHours * HOUR_MS;
  return entries.filter((e) => new Date(e.at).getTime() >= start);
};

export const households = (entries: readonly MatterEntry[]): number => new Set(entries.map((e) => e.roomId)).size;

/**
 * C3: what a new complaint about a matter does. While a group about it is open the complaint joins
 * it; otherwise the matter's complaints within the window are counted by household, and the fifth
 * household raises a group linking all of them.
 */
export const decideGroup = (
  matter: MatterState,
  entry: MatterEntry,
  now: Date,
  windowHours: number,
): { recent: MatterEntry[]; decision: GroupDecision } => {
  const recent = [...inWindow(matter.recent, now, windowHours), entry];
  if (matter.openGroupId) return { recent, decision: { kind: 'join', groupId: matter.openGroupId } };
  if (households(recent) >= GROUP_HOUSEHOLDS) return { recent, decision: { kind: 'raise', members: recent } };
  return { recent, decision: { kind: 'none' } };
};
