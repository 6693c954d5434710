import * as z from 'zod/mini';
import { DutyKind } from './duty-kind.model';
import { NoticeKind } from './outbox.model';
import { base, defineModel } from './versioned';

export const HHmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const WindowTimes = z.object({ start: HHmm, end: HHmm });
export const RepairWindows = z.object({ weekdays: z.array(WindowTimes).check(z.maxLength(8)), weekends: z.array(WindowTimes).check(z.maxLength(8)) });

export const Shift = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(10)),
  /** Local Shanghai time the shift starts; it lasts until the next shift starts. */
  start: HHmm,
  deskOpenids: z.array(z.string()),
});
export type Shift = z.infer<typeof Shift>;

export const FeeItem = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(20)),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  priceFen: z.number().check(z.int(), z.gte(0)),
});

export const TemplateId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
export const FieldSource = z.enum(['title', 'body', 'time', 'address', 'status', 'name', 'amount', 'phone']);
export const TemplateField = z.object({ key: z.string().check(z.regex(/^[a-z_]+\d+$/)), source: FieldSource });

/**
 * Issue 5, issue 13: the subscribe-message template a property chose from WeChat's library for one
 * kind of notice: its id, the page it opens, and which of our facts fills each of its fields
 * (`thing1`, `time2`, …). Stored as a list with the kind inside, never keyed by kind: a kind such as
 * `repair.new` is not a safe field name. A template with no fields yet (a bare id carried over from
 * v4) is kept for the manager to finish and is never sent.
 */
export const NoticeTemplate = z.object({
  kind: NoticeKind,
  id: TemplateId,
  page: z.string().check(z.maxLength(100)),
  fields: z.array(TemplateField).check(z.maxLength(10)),
});
export type NoticeTemplate = z.infer<typeof NoticeTemplate>;

/** Where a notice opens when no other page is chosen: every role has the inbox, which lists it. */
export const DEFAULT_NOTICE_PAGE = 'pages/inbox/index';

const oneTemplatePerKind = (templates: readonly NoticeTemplate[]) => new Set(templates.map((t) => t.kind)).size === templates.length;

/** The template a notice of this kind is sent with, if the property has one ready (fields mapped). */
export const templateFor = (templates: readonly NoticeTemplate[], kind: string): NoticeTemplate | undefined =>
  templates.find((t) => t.kind === kind && t.fields.length > 0);

/**
 * Issue 12 (4): how many of each a person may file in one Shanghai day. An urgent repair (R3) and
 * what the desk registers for a resident (R2) are never counted.
 */
export const DailyLimits = z.object({
  repairs: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  complaints: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  bookings: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  bindingRequests: z.number().check(z.int(), z.gte(1), z.lte(1000)),
});
export type DailyLimits = z.infer<typeof DailyLimits>;
/** Issue 18 (5): an owner's room invitations are counted apart from everything a person files; their limit is set with the invitations. */
export type LimitKind = keyof DailyLimits | 'roomInvitations';
/** A household files a few repairs on a bad day, not dozens; strangers ask to bind a room or two. */
export const DEFAULT_DAILY_LIMITS: DailyLimits = { repairs: 10, complaints: 5, bookings: 5, bindingRequests: 3 };

/** D2: the duty-log kinds a property treats as major (each needs an emergency record with photos before the day is signed). */
export const DEFAULT_MAJOR_DUTY_KINDS: DutyKind[] = ['theft', 'fire', 'water', 'power', 'wind', 'fight'];
/** D3: what the outgoing desk member checks before handing over. */
export const DEFAULT_HANDOVER_CHECKLIST = ['值班记录已填写完整', '钥匙、对讲机已清点', '待办事项已列明', '前台物品已整理'];

/** The most a property may promise to dispatch a normal repair within: a working day. */
export const MAX_DISPATCH_MINUTES = 24 * 60;

/** Issue 18 (2): how soon the desk dispatches a normal repair, as the resident is told after filing. */
export const RepairPromiseSettings = z.object({ dispatchMinutes: z.number().check(z.int(), z.gte(1), z.lte(MAX_DISPATCH_MINUTES)) });
export type RepairPromiseSettings = z.infer<typeof RepairPromiseSettings>;
/** The issue's own words: "客服将在 15 分钟内派单". */
export const DEFAULT_REPAIR_PROMISE: RepairPromiseSettings = { dispatchMinutes: 15 };

/**
 * Issue 18 (5): whether an owner may invite family members or a tenant to bind her room, and
 * whether the desk still reviews the binding they ask for (a formality the property can switch off).
 */
export const OwnerInvites = z.object({
  enabled: z.boolean(),
  deskApproves: z.boolean(),
  /** v10: how many codes one owner may issue in a Shanghai day. */
  perDay: z.number().check(z.int(), z.gte(1), z.lte(50)),
});
export type OwnerInvites = z.infer<typeof OwnerInvites>;
/** Owners invite; the desk reviews the binding as it reviews any other, until the property says otherwise; a household's few members a day. */
export const DEFAULT_OWNER_INVITES: OwnerInvites = { enabled: true, deskApproves: true, perDay: 5 };

/** The most a person may do of one kind in a Shanghai day, as the property set it. */
export const dailyLimitOf = (settings: Pick<SettingsDoc, 'dailyLimits' | 'ownerInvites'>, kind: LimitKind): number =>
  kind === 'roomInvitations' ? settings.ownerInvites.perDay : settings.dailyLimits[kind];

export const SettingsDoc = z.object({
  ...base,
  schemaVersion: z.literal(10),
  shifts: z.array(Shift).check(z.minLength(1)),
  /** The desk's opening hours for walk-ins and appointments (Shanghai "HH:mm"); calls and filings come in 24/7 (R2). */
  openingHours: z.object({ open: HHmm, close: HHmm }),
  ackMinutes: z.object({ urgent: z.number().check(z.int(), z.positive()), normal: z.number().check(z.int(), z.positive()) }),
  /** How long before a deadline its warning goes out, as a share of the time allowed. */
  warnAtShare: z.number().check(z.gt(0), z.lt(1)),
  feeSchedule: z.array(FeeItem),
  /** One per notice kind (repair.changed, repair.dispatched, …) at most: the template a person is pushed with. */
  templates: z.array(NoticeTemplate).check(z.maxLength(NoticeKind.options.length), z.refine(oneTemplatePerKind, 'one template per notice kind')),
  groupComplaintWindowHours: z.number().check(z.int(), z.positive()),
  wecomWebhook: z.nullable(z.string()),
  /** V4: the windows technicians come to residents' homes in, on weekdays and at weekends. */
  repairWindows: RepairWindows,
  dailyLimits: DailyLimits,
  /** Issue 18 (2): what a resident is promised the moment she files a repair. */
  repairPromise: RepairPromiseSettings,
  /** D2: which duty-log kinds are major here. */
  majorDutyKinds: z.array(DutyKind).check(z.maxLength(DutyKind.options.length)),
  /** D3: the outgoing member's preparation list. */
  handoverChecklist: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(12)),
  /** Issue 18 (5): owners' invitations to bind their room. */
  ownerInvites: OwnerInvites,
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
type Stored = Record<string, unknown>;
const recordOf = (value: unknown): Stored => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Stored) : {});

/**
 * Template ids chosen by notice kind, as v4 settings and clients before v5 kept them, laid over a
 * list: a kind whose template keeps its id keeps its page and fields; a new id for a kind comes with
 * no fields (nothing is sent with a mapping made for another template) until the manager maps them.
 * Keys that are not notice kinds are dropped; kinds not named are left as they are.
 */
export const withTemplateIds = (templates: readonly NoticeTemplate[], ids: Readonly<Record<string, unknown>>): NoticeTemplate[] => {
  const chosen = new Map(NoticeKind.options.flatMap((kind) => (typeof ids[kind] === 'string' ? [[kind, ids[kind] as string] as const] : [])));
  const kept = templates.filter((t) => !chosen.has(t.kind) || chosen.get(t.kind) === t.id);
  const added = [...chosen].filter(([kind]) => !kept.some((t) => t.kind === kind));
  return [...kept, ...added.map(([kind, id]) => ({ kind, id, page: templates.find((t) => t.kind === kind)?.page ?? DEFAULT_NOTICE_PAGE, fields: [] }))].sort(
    (a, b) => NoticeKind.options.indexOf(a.kind) - NoticeKind.options.indexOf(b.kind),
  );
};

/**
 * v4 kept two records keyed by notice kind: `templates` (what the sender read, written only by the
 * local seed) and `templateIds` (what the manager edited, read by nothing). v5 keeps one list, the
 * manager's ids laid over the configured templates.
 */
const fromV4 = (doc: Stored): Stored => {
  const configured = recordOf(doc.templates);
  const listed = NoticeKind.options.flatMap((kind) => (kind in configured ? [{ kind, ...recordOf(configured[kind]) } as NoticeTemplate] : []));
  const next: Stored = { ...doc, templates: withTemplateIds(listed, recordOf(doc.templateIds)) };
  delete next.templateIds;
  return next;
};

/** v1 had no opening hours; v2 no subscribe-message templates; v3 no repair windows; v4 kept templates keyed by notice kind; v5 no daily limits; v6 no duty-log settings (D2 D3); v7 no repair promise (issue 18, 2); v8 no owners' invitations (issue 18, 5); v9 no daily limit on them. */
export const settingsModel = defineModel({
  collection: 'settings',
  version: 10,
  schema: SettingsDoc,
  migrations: {
    1: (doc) => ({ ...doc, openingHours: DEFAULT_OPENING_HOURS }),
    2: (doc) => ({ ...doc, templates: {} }),
    3: (doc) => ({ ...doc, repairWindows: defaultRepairWindows() }),
    4: fromV4,
    5: (doc) => ({ ...doc, dailyLimits: { ...DEFAULT_DAILY_LIMITS } }),
    6: (doc) => ({ ...doc, majorDutyKinds: [...DEFAULT_MAJOR_DUTY_KINDS], handoverChecklist: [...DEFAULT_HANDOVER_CHECKLIST] }),
    7: (doc) => ({ ...doc, repairPromise: { ...DEFAULT_REPAIR_PROMISE } }),
    8: (doc) => ({ ...doc, ownerInvites: { ...DEFAULT_OWNER_INVITES } }),
    9: (doc) => ({ ...doc, ownerInvites: { ...DEFAULT_OWNER_INVITES, ...recordOf(doc.ownerInvites) } }),
  },
});

/** What a property runs on until a manager changes it (three 8-hour shifts, R4 acknowledgement times, C3 window). */
export const defaultSettings = (propertyId: string): SettingsDoc => ({
  _id: propertyId,
  propertyId,
  schemaVersion: 10,
  repairPromise: { ...DEFAULT_REPAIR_PROMISE },
  ownerInvites: { ...DEFAULT_OWNER_INVITES },
  majorDutyKinds: [...DEFAULT_MAJOR_DUTY_KINDS],
  handoverChecklist: [...DEFAULT_HANDOVER_CHECKLIST],
  openingHours: { ...DEFAULT_OPENING_HOURS },
  dailyLimits: { ...DEFAULT_DAILY_LIMITS },
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
  groupComplaintWindowHours: 24,
  wecomWebhook: null,
});
