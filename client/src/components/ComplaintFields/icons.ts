import type { ComplaintCategory } from '@shared/model/complaint.model';

/** Pictures beside the words, for people who read slowly; emoji old enough to show on any phone. */
export const complaintIcons: Record<ComplaintCategory, string> = {
  service: '🙋',
  repair_quality: '🔧',
  cleaning: '🚮',
  security: '👮',
  noise: '🔊',
  elevator: '↕️',
  parking: '🚗',
  facilities: '🏢',
  fees: '💴',
  other: '💬',
};
