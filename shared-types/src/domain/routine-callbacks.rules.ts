/**
 * B1 B2: each month the desk calls a few households of every building for a routine callback
 * (service and results, staff attitude, shortcomings, suggestions). The households are chosen by a
 * hash of the month and the member, so each month's choice is stable (a second run plans the same)
 * and rotates from month to month.
 */
export const ROUTINE_PER_BUILDING = 2;

export interface Household {
  memberId: string;
  building: string;
}

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

export const pickRoutine = (households: readonly Household[], month: string, perBuilding = ROUTINE_PER_BUILDING): Household[] => {
  const byBuilding = new Map<string, Household[]>();
  for (const h of households) byBuilding.set(h.building, [...(byBuilding.get(h.building) ?? []), h]);
  return [...byBuilding.keys()].sort().flatMap((building) =>
    [...new Map((byBuilding.get(building) ?? []).map((h) => [h.memberId, h])).values()]
      .sort((a, b) => fnv1a(`${month}|${a.memberId}`) - fnv1a(`${month}|${b.memberId}`) || a.memberId.localeCompare(b.memberId))
      .slice(0, perBuilding),
  );
};
