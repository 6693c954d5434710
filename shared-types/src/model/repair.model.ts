import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

export const repairCategories = [
  'elevator',
  'water',
  'electrical',
  'door_window',
  'structure',
  'railing',
  'gas_appliance',
  'public_area',
  'other',
] as const;
export const RepairCategory = z.enum(repairCategories);
export type RepairCategory = z.infer<typeof RepairCategory>;

export const repairStatuses = ['submitted', 'dispatched'] as const;
export const RepairStatus = z.enum(repairStatuses);
export type RepairStatus = z.infer<typeof RepairStatus>;

export const Channel = z.enum(['miniprogram', 'phone', 'walk_in']);
export type Channel = z.infer<typeof Channel>;

export const Priority = z.enum(['urgent', 'normal']);
export type Priority = z.infer<typeof Priority>;

export const TriageDoc = z.object({
  urgent: z.boolean(),
  rule: z.enum(['R3.1', 'R3.2', 'R3.3', 'R3.4', 'R3.5', 'R3.6', 'R3.7']).nullable(),
  matched: z.string().nullable(),
});

/** A preferred appointment: a Shanghai calendar date and a part of the day (R1). */
export const PreferredTime = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  slot: z.enum(['morning', 'afternoon', 'evening', 'any']),
});
export type PreferredTime = z.infer<typeof PreferredTime>;

const RepairV2 = z.object({
  ...base,
  schemaVersion: z.literal(2),
  status: RepairStatus,
  version: z.number().int().positive(),
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  category: RepairCategory,
  description: z.string(),
  preferredTime: PreferredTime.nullable(),
  photos: z.array(z.string()),
  channel: Channel,
  triage: TriageDoc,
  priority: Priority,
  technician: z.object({ memberId: z.string(), openid: z.string(), name: z.string() }).nullable(),
  dispatchedAt: isoInstant.nullable(),
  createdBy: z.object({ openid: z.string(), role: Role }),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type RepairDoc = z.infer<typeof RepairV2>;

/**
 * v1 (the first release) had no `channel` (every request came from the mini-program) and no
 * `priority` (it was read from triage each time).
 */
export const repairModel = defineModel({
  collection: 'repairs',
  version: 2,
  schema: RepairV2,
  migrations: {
    1: (doc) => ({
      ...doc,
      channel: 'miniprogram',
      priority: (doc.triage as { urgent?: boolean } | undefined)?.urgent ? 'urgent' : 'normal',
    }),
  },
});
