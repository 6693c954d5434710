import type { RepairPlace } from '@shared/model/repair.model';
import { placeOf, type PlaceChoice } from '../ComplaintFields/fields';

/**
 * Issue 18 (5): the public place a repair is for, as the contract takes it: the complaint's place
 * (the building or a public area), with the floor when one was typed ("3", or "-1" for 地下1层).
 */
export const repairPlaceOf = (choice: PlaceChoice | null, building: string | null, floor: string): RepairPlace | null => {
  const place = placeOf(choice, building);
  if (!place || place.scope !== 'building' || floor.trim() === '') return place;
  const n = Number(floor.trim());
  return Number.isInteger(n) ? { ...place, floor: n } : place;
};
