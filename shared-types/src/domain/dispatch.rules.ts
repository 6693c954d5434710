import type { RepairCategory } from '../model/repair.model';
import type { Skill } from '../model/member.model';

/** Which skill a category of repair needs. */
export const skillFor: Record<RepairCategory, Skill> = {
  elevator: 'elevator',
  water: 'plumbing',
  electrical: 'electrical',
  gas_appliance: 'electrical',
  door_window: 'carpentry',
  structure: 'general',
  railing: 'general',
  public_area: 'general',
  other: 'general',
};

export interface Candidate {
  memberId: string;
  name: string;
  skills: Skill[];
  openOrders: number;
  /** Mean of quality and attitude over all their ratings, or null with none yet. */
  rating: number | null;
}

/**
 * R4 suggestions: the right skill first, then the lightest open workload, then the better rating.
 * Each carries the facts it was ranked by (skill match, open orders, rating); the desk's screen says them.
 */
export const rankTechnicians = (category: RepairCategory, candidates: readonly Candidate[]) => {
  const needed = skillFor[category];
  return candidates
    .map((c) => ({ ...c, skillMatch: c.skills.includes(needed) || needed === 'general' }))
    .sort(
      (a, b) =>
        Number(b.skillMatch) - Number(a.skillMatch) || a.openOrders - b.openOrders || (b.rating ?? 0) - (a.rating ?? 0) || a.name.localeCompare(b.name),
    );
};
