import type { ComplaintPlace } from '../model/complaint.model';
import type { RepairPlace } from '../model/repair.model';
import { roomLabel } from '../model/property.model';
import { format } from './format';
import * as messages from './zh-CN';

const t = messages.placeWords;

const floorLabel = (floor: number): string => (floor < 0 ? format(t.basement, { n: -floor }) : format(t.floor, { n: floor }));

/** "1栋", "1栋 3层", "1栋 地下1层", or the public area's name ("停车场"). */
export const placeLabel = (place: ComplaintPlace | RepairPlace): string => {
  if (place.scope === 'public_area') return messages.publicAreas[place.area];
  const building = format(t.building, { building: place.building });
  return 'floor' in place && place.floor !== undefined ? `${building} ${floorLabel(place.floor)}` : building;
};

/** Issue 18 (5): where a repair is, in words: its room ("1-1-101") or its public place. */
export const repairWhere = (r: { address: { building: string; unit: string; room: string } | null; place: RepairPlace | null }): string =>
  r.address ? roomLabel(r.address) : r.place ? placeLabel(r.place) : '';
