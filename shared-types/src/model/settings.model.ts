import * as z from 'zod';
import { base, defineModel } from './versioned';

export const HHmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const WindowTimes = z.object({ start: HHmm, end: HHmm });
export const RepairWindows = z.object({ weekdays: z.array(WindowTimes).max(8), weekends: z.array(WindowTimes).max(8) });

export const Shift = z.object({
  name: z.string().min(1).max(10),
  /** Local Shanghai time the shift starts; it lasts until the next shift starts. */
  start: HHmm,
  deskOpenids: z.array(z.string()),
});
export type Shift = z.infer<typeof Shift>;

export const FeeItem = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1).max(40),
  priceFen: z.number().int().min(0),
});

/**
 * Issue 5: a subscribe-message template chosen from WeChat's library for one kind of notice: its
 * id, the page it opens, and which of our facts fills each of its fields (`thing1`, `time2`, …).
 */
export const TemplateConfig = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  page: z.string().max(100),
  fields: z.array(z.object({ key: z.string().regex(/^[a-z_]+\d+$/), source: z.enum(['title', 'body', 'time', 'address', 'status', 'name', 'amount', 'phone']) })).min(1).max(10),
});
export type TemplateConfig = z.infer<typeof TemplateConfig>;

/** A template with the notice kind it serves; kept as a list since a kind ('repair.new') is not a storable field name. */
export const KindTemplate = TemplateConfig.extend({ kind: z.string().min(1) });
export type KindTemplate = z.infer<typeof KindTemplate>;

export const SettingsDoc = z.object({
  ...base,
  schemaVersion: z.literal(5),
  shifts: z.array(Shift).min(1),
  /** The desk's opening hours for walk-ins and appointments (Shanghai "HH:mm"); calls and filings come in 24/7 (R2). */
  openingHours: z.object({ open: HHmm, close: HHmm }),
  ackMinutes: z.object({ urgent: z.number().int().positive(), normal: z.number().int().positive() }),
  /** How long before a deadline its warning goes out, as a share of the time allowed. */
  warnAtShare: z.number().gt(0).lt(1),
  feeSchedule: z.array(FeeItem),
  templateIds: z.record(z.string(), z.string()),
  /** One per notice kind (repair.changed, repair.dispatched, …): the template a person is pushed with. */
  templates: z.array(KindTemplate),
  groupComplaintWindowHours: z.number().int().positive(),
  wecomWebhook: z.string().nullable(),
  /** V4: the windows technicians come to residents' homes in, on weekdays and at weekends. */
  repairWindows: RepairWindows,
});
export type SettingsDoc = z.infer<typeof SettingsDoc>;
export const DEFAULT_OPENING_HOURS = { open: '08:00', close: '20:00' } as const;
/** Daytime and an evening window on weekdays (for residents out from 8 to 19), daytime at weekends. */
export const defaultRepairWindows = () => ({
  weekdays: [
    { start: '09:00', end: '11:00' },
    { start: '14:00', end: '16:00' },
    { start: '16:00', end: '18:00' },
    { start: '18:30', end: '20:30' },
  ],
  weekends: [
    { start: '09:00', end: '11:00' },
    { start: '14:00', end: '16:00' },
  ],
});
/** v1 had no opening hours; v2 no subscribe-message templates; v3 no repair windows; v4 kept templates under dotted field names. */
export const settingsModel = defineModel({
  collection: 'settings',
  version: 5,
  schema: SettingsDoc,
  migrations: {
    1: (doc) => ({ ...doc, openingHours: DEFAULT_OPENING_HOURS }),
    2: (doc) => ({ ...doc, templates: {} }),
    3: (doc) => ({ ...doc, repairWindows: defaultRepairWindows() }),
    4: (doc) => ({ ...doc, templates: Object.entries((doc.templates ?? {}) as Record<string, object>).map(([kind, t]) => ({ kind, ...t })) }),
  },
});

export const templateOf = (settings: SettingsDoc, kind: string): KindTemplate | undefined => settings.templates.find((t) => t.kind === kind);

/** What a property runs on until a manager changes it (three 8-hour shifts, R4 acknowledgement times, C3 window). */
export const defaultSettings = (propertyId: string): SettingsDoc => ({
  _id: propertyId,
  propertyId,
  schemaVersion: 5,
  openingHours: { ...DEFAULT_OPENING_HOURS },
  repairWindows: defaultRepairWindows(),
  templates: [],
  shifts: [
    { name: '早班', start: '08:00', deskOpenids: [] },
    { name: '中班', start: '16:00', deskOpenids: [] },
    { name: '夜班', start: '00:00', deskOpenids: [] },
  ],
  ackMinutes: { urgent: 15, normal: 120 },
  warnAtShare: 0.8,
  feeSchedule: [
    { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000 },
    { code: 'pipe-fix', name: '水管维修（人工）', priceFen: 5000 },
    { code: 'switch-replace', name: '更换开关/插座（人工）', priceFen: 2000 },
    { code: 'inspect', name: '上门检查', priceFen: 0 },
  ],
  templateIds: {},
  groupComplaintWindowHours: 24,
  wecomWebhook: null,
});
