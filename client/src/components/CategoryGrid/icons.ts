import type { RepairCategory } from '@shared/model/repair.model';

/** Pictures beside the words, for people who read slowly; emoji old enough to show on any phone. */
export const categoryIcons: Record<RepairCategory, string> = {
  elevator: '↕️',
  water: '🚰',
  electrical: '💡',
  door_window: '🚪',
  structure: '🧱',
  railing: '🚧',
  gas_appliance: '🔥',
  public_area: '🏢',
  other: '🔧',
};
