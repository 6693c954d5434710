import * as z from 'zod/mini';
import { base, defineModel, isoInstant, calendarDate } from './versioned';
import { Role } from './member.model';
import { countingMonth } from '../time/counting-month';
import { plannedAt, queueRank } from './list-keys';
import { exemptScreening, Screening } from './screening.model';
import { AreaPlace, BuildingPlace } from './complaint.model';

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

export const repairStatuses = [
  'submitted',
  'dispatched',
  'acknowledged',
  'arrived',
  'rescheduling',
  'quoted',
  'in_progress',
  'completed',
  'signed',
  'sent_back',
] as const;
export const RepairStatus = z.enum(repairStatuses);
export type RepairStatus = z.infer<typeof RepairStatus>;

export const Channel = z.enum(['miniprogram', 'phone', 'walk_in']);
export type Channel = z.infer<typeof Channel>;

export const Priority = z.enum(['urgent', 'normal']);
export type Priority = z.infer<typeof Priority>;

export const TriageDoc = z.object({
  urgent: z.boolean(),
  rule: z.nullable(z.enum(['R3.1', 'R3.2', 'R3.3', 'R3.4', 'R3.5', 'R3.6', 'R3.7'])),
  matched: z.nullable(z.string()),
});

/** A preferred appointment: a Shanghai calendar date and a part of the day (R1). */
export const PreferredTime = z.object({
  date: calendarDate,
  slot: z.enum(['morning', 'afternoon', 'evening', 'any']),
});
export type PreferredTime = z.infer<typeof PreferredTime>;

const RepairV2 = z.object({
  ...base,
  schemaVersion: z.literal(2),
  status: RepairStatus,
  version: z.number().check(z.int(), z.positive()),
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  category: RepairCategory,
  description: z.string(),
  preferredTime: z.nullable(PreferredTime),
  photos: z.array(z.string()),
  channel: Channel,
  triage: TriageDoc,
  priority: Priority,
  technician: z.nullable(z.object({ memberId: z.string(), openid: z.string(), name: z.string() })),
  dispatchedAt: z.nullable(isoInstant),
  createdBy: z.object({ openid: z.string(), role: Role }),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export const QuoteLine = z.object({ code: z.string(), name: z.string(), priceFen: z.number().check(z.int(), z.gte(0)), qty: z.number().check(z.int(), z.positive()) });
/** R7: what was used on the job; its price is in the accepted quote's lines, not here. */
export const MaterialUsed = z.object({ name: z.string().check(z.minLength(1), z.maxLength(40)), qty: z.number().check(z.int(), z.positive()) });
/** Orders completed before issue 12 carry the technician's own price per material: shown, never counted. */
export const Material = z.extend(MaterialUsed, { amountFen: z.optional(z.number().check(z.int(), z.gte(0))) });
export const BlockerKind = z.enum(['parts', 'access', 'third_party', 'other']);
export const RatingDoc = z.object({
  quality: z.number().check(z.int(), z.gte(1), z.lte(5)),
  attitude: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.string(),
  at: isoInstant,
  via: z.enum(['on_site', 'own_phone']),
});

/** v3: the on-site life of a work order (R5–R9, R11) and the desk's intake record (R2, V2). */
const RepairV3 = z.extend(RepairV2, {
  schemaVersion: z.literal(3),
  acknowledgedAt: z.nullable(isoInstant),
  arrivedAt: z.nullable(isoInstant),
  visitNote: z.nullable(z.string()),
  quote: z.nullable(z.object({ lines: z.array(QuoteLine), totalFen: z.number().check(z.int(), z.gte(0)), at: isoInstant })),
  acceptance: z.nullable(z.object({ via: z.enum(['resident_phone', 'signature_on_site']), signature: z.nullable(z.string()), at: isoInstant })),
  completion: z.nullable(z.object({ beforePhotos: z.array(z.string()), afterPhotos: z.array(z.string()), materials: z.array(Material), amountFen: z.number().check(z.int(), z.gte(0)), at: isoInstant })),
  signOff: z.nullable(z.object({ signature: z.string(), at: isoInstant })),
  /** R8: "completed at <time>" in the repair summary. */
  completedAt: z.nullable(isoInstant),
  rating: z.nullable(RatingDoc),
  blocker: z.nullable(z.object({ kind: BlockerKind, reason: z.string(), since: isoInstant })),
  pausedMs: z.number().check(z.int(), z.gte(0)),
  sendBack: z.nullable(z.object({
    reason: z.string(),
    at: isoInstant,
    review: z.nullable(z.object({ approved: z.boolean(), opinion: z.string(), signature: z.nullable(z.string()), at: isoInstant })),
  })),
  /** R11: the month this order counts for. */
  countsFor: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  priorityOverride: z.nullable(z.object({ reason: z.string(), at: isoInstant })),
  callRecord: z.nullable(z.object({ callerName: z.string(), phone: z.string(), subject: z.string(), receivedAt: isoInstant, recorder: z.string() })),
  /**
   * When the last step happened as far as the server can trust it. An offline step's device time
   * is believed only between this and its receipt, so a replayed queue keeps its own times.
   */
  lastStepAt: isoInstant,
});
/** v4: the window the resident booked (V4); the technician's appointment time comes from it. */
const RepairV4 = z.extend(RepairV3, {
  schemaVersion: z.literal(4),
  appointment: z.nullable(z.object({ bookingId: z.string(), start: isoInstant, end: isoInstant })),
});
/** v5: what the content checks said of the resident's description and photos (issue 13, 1.9). */
const RepairV5 = z.extend(RepairV4, {
  schemaVersion: z.literal(5),
  screening: Screening,
});
/**
 * v6 (R7): a rating entered on the technician's phone counts only inside the sign-off the resident
 * signs; stars a technician entered after it (by `rate`, before issue 12) are not carried over.
 */
const RepairV6 = z.extend(RepairV5, { schemaVersion: z.literal(6) });
/**
 * v7: the order's place in the desk's queue (R3) and in a technician's day plan, stored so the
 * lists are sorted by their queries (issue 12, 3.3); computed from the order on every write.
 */
const RepairV7 = z.extend(RepairV6, {
  schemaVersion: z.literal(7),
  queueRank: z.number().check(z.int(), z.gte(0)),
  plannedAt: z.string(),
});
/** A floor of a building: basements below zero (-1 is 地下1层). */
export const Floor = z.number().check(z.int(), z.gte(-9), z.lte(99));

/**
 * Issue 18 (5): a public place with no room, in the complaint's terms (C3's building or public area);
 * a building's place may name the floor ("1栋 3层").
 */
export const RepairPlace = z.discriminatedUnion('scope', [z.extend(BuildingPlace, { floor: z.optional(Floor) }), AreaPlace]);
export type RepairPlace = z.infer<typeof RepairPlace>;

/**
 * v8 (issue 18, 5): a repair is for a room or for a public place, never both: a public one has no
 * room and no room address, and the resident who reported it is the one followed and called back.
 */
const RepairV8 = z.extend(RepairV7, {
  schemaVersion: z.literal(8),
  roomId: z.nullable(z.string()),
  address: z.nullable(RepairV7.shape.address),
  place: z.nullable(RepairPlace),
});
const roomOrPlace = (r: Pick<z.infer<typeof RepairV8>, 'roomId' | 'address' | 'place'>) => (r.roomId === null) !== (r.place === null) && (r.roomId === null) === (r.address === null);

/**
 * v9 (issue 18, 5): a public place's repair the desk registers from a staff round or an anonymous
 * call has no resident: nobody to tell, call back or ask to rate, and its quote is the property's
 * cost. A room's repair always has its resident.
 */
const RepairV9 = z.extend(RepairV8, {
  schemaVersion: z.literal(9),
  residentOpenid: z.nullable(z.string().check(z.minLength(1))),
  residentName: z.nullable(z.string()),
  acceptance: z.nullable(z.object({ via: z.enum(['resident_phone', 'signature_on_site', 'property']), signature: z.nullable(z.string()), at: isoInstant })),
}).check(z.refine(roomOrPlace, { path: ['place'] }), z.refine((r) => (r.residentOpenid === null) === (r.residentName === null) && (r.residentOpenid !== null || r.place !== null), { path: ['residentOpenid'] }));
export type RepairDoc = z.infer<typeof RepairV9>;

const placeInLists = (r: Pick<RepairDoc, 'status' | 'priority' | 'appointment' | 'preferredTime'>) => ({ queueRank: queueRank(r), plannedAt: plannedAt(r) });

type StoredRating = { via?: unknown; at?: unknown } | null | undefined;
const signedWith = (doc: Record<string, unknown>): boolean => {
  const rating = doc.rating as StoredRating;
  if (!rating || rating.via !== 'on_site') return true;
  return rating.at === (doc.signOff as { at?: unknown } | null | undefined)?.at;
};

/** The v3 fields of an order that has just been filed (and of every order written before v3). */
export const lifeDefaults = (createdAt: string, lastStepAt = createdAt) => ({
  acknowledgedAt: null,
  arrivedAt: null,
  visitNote: null,
  quote: null,
  acceptance: null,
  completion: null,
  signOff: null,
  completedAt: null,
  rating: null,
  blocker: null,
  pausedMs: 0,
  sendBack: null,
  countsFor: countingMonth(createdAt),
  priorityOverride: null,
  callRecord: null,
  lastStepAt,
  appointment: null,
});

/**
 * v1 (the first release) had no `channel` (every request came from the mini-program) and no
 * `priority` (it was read from triage each time); v2 had none of the on-site fields; v3 no booked
 * window; v4 counted stars a technician entered after the sign-off; v7 was always for a room; v8 always had a resident.
 */
export const repairModel = defineModel<typeof RepairV9, 'queueRank' | 'plannedAt'>({
  collection: 'repairs',
  version: 9,
  schema: RepairV9,
  derive: placeInLists,
  migrations: {
    1: (doc) => ({
      ...doc,
      channel: 'miniprogram',
      priority: (doc.triage as { urgent?: boolean } | undefined)?.urgent ? 'urgent' : 'normal',
    }),
    2: (doc) => ({ ...doc, ...lifeDefaults(String(doc.createdAt), String(doc.updatedAt)) }),
    3: (doc) => ({ ...doc, appointment: null }),
    // Filed before checks began: nothing was checked, and nothing is held.
    4: (doc) => ({ ...doc, screening: exemptScreening(Array.isArray(doc.photos) ? (doc.photos as string[]) : []) }),
    5: (doc) => (signedWith(doc) ? doc : { ...doc, rating: null }),
    6: (doc) => ({ ...doc, ...placeInLists(doc as Parameters<typeof placeInLists>[0]) }),
    // Every repair before v8 was for a room.
    7: (doc) => ({ ...doc, place: null }),
    // Every repair before v9 had its resident.
    8: (doc) => doc,
  },
});
