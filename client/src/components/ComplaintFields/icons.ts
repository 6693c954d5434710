import type { ComplaintCategory } from '@shared/model/complaint.model';

/** One character in a round tile beside each word, as the repair categories have (CategoryGrid/icons.ts). */
export const complaintIcons: Record<ComplaintCategory, string> = {
  service: '服',
  repair_quality: '修',
  cleaning: '洁',
  security: '安',
  noise: '声',
  elevator: '梯',
  parking: '车',
  facilities: '设',
  fees: '费',
  other: '其',
};
