import { roomId } from '@shared/model/property.model';

/** "1-1-101" as the desk types it (full-width dashes and spaces forgiven) → the room's id in the property, or null. */
export const typedRoomId = (propertyId: string, typed: string): string | null => {
  const parts = typed.replace(/[－—–\s]+/g, '-').split('-').filter(Boolean);
  return parts.length === 3 && parts.every((p) => p.length <= 10) ? roomId(propertyId, parts[0]!, parts[1]!, parts[2]!) : null;
};
