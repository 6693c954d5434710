import type { RepairCategory } from '@shared/model/repair.model';

/**
 * A mark beside the words, for people who read slowly: one character in a round tile. The kit's icon
 * set has no pictures of taps, lifts or doors, and emoji render differently (or not at all) by font.
 */
export const categoryIcons: Record<RepairCategory, string> = {
  elevator: '梯',
  water: '水',
  electrical: '电',
  door_window: '窗',
  structure: '墙',
  railing: '栏',
  gas_appliance: '气',
  public_area: '公',
  other: '修',
};
