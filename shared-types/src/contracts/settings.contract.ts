import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, scoped } from './action';
import { DailyLimits, FeeItem, OwnerInvites, RepairPromiseSettings, FieldSource, HHmm, NoticeTemplate, RepairWindows, TemplateId, WindowTimes } from '../model/settings.model';
import { NoticeKind } from '../model/outbox.model';
import { DutyKind } from '../model/duty-kind.model';
import { WECOM_ROBOT_URL } from '../domain/wecom-robot.rules';

const ShiftView = z.object({ name: z.string(), start: z.string(), desk: z.array(z.object({ memberId: z.string(), name: z.string() })) });

export const SettingsView = z.object({
  shifts: z.array(ShiftView),
  openingHours: z.object({ open: z.string(), close: z.string() }),
  /** V4: the windows technicians come to homes in. */
  repairWindows: z.optional(RepairWindows),
  ackMinutes: z.object({ urgent: z.number().check(z.int()), normal: z.number().check(z.int()) }),
  /** Issue 18 (2): how soon a filed repair is dispatched, as the resident is promised. */
  repairPromise: RepairPromiseSettings,
  feeSchedule: z.array(FeeItem),
  groupComplaintWindowHours: z.number().check(z.int()),
  /** Issue 13: one subscribe-message template per notice kind, as the sender reads it. */
  templates: z.array(NoticeTemplate),
  /** Always empty: clients before issue 13 require the field; filled, its keys would be notice kinds (dotted field names in the command record). */
  templateIds: z.strictObject({}),
  /** The robot's address holds its key: only the manager sees it whole. */
  wecomWebhook: z.nullable(z.string()),
  /** Issue 12 (4): how many repairs, complaints, bookings and binding requests one person may file a day. */
  dailyLimits: DailyLimits,
  /** D2: the duty-log kinds this property treats as major; D3: the outgoing member's preparation list. */
  majorDutyKinds: z.optional(z.array(DutyKind)),
  handoverChecklist: z.optional(z.array(z.string())),
  /** Issue 18 (5): whether owners invite family or tenants to bind their room, and whether the desk still reviews those bindings. */
  ownerInvites: z.optional(OwnerInvites),
  /** Every change: who, when, which settings. */
  history: z.array(z.object({ by: z.string(), at: z.string(), fields: z.array(z.string()) })),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** The property's settings as they are now, with their change log. */
export const settings = defineAction({
  fn: 'members',
  name: 'settings',
  input: z.strictObject({ ...scoped }),
  output: SettingsView,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

const Minutes = z.number().check(z.int(), z.gte(1), z.lte(7 * 24 * 60));

/** A page of this mini-program, as `subscribeMessage.send` takes it: no leading slash; the notice's id is added as `?id=`. */
const PagePath = z.string().check(z.regex(/^pages(\/[a-z0-9-]+)+$/), z.maxLength(100));

const TemplateInput = z.strictObject({
  kind: NoticeKind,
  id: TemplateId,
  page: PagePath,
  fields: z.array(z.strictObject({ key: z.string().check(z.regex(/^[a-z_]+\d+$/), z.maxLength(32)), source: FieldSource })).check(z.minLength(1), z.maxLength(10)),
});

const oneKindEach = (templates: readonly { kind: string }[], ctx: z.core.$RefinementCtx) => {
  templates.forEach((t, i) => {
    if (templates.findIndex((other) => other.kind === t.kind) !== i) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: 'one template per notice kind' });
  });
};

/**
 * Issue 7 (5): the manager edits the fee schedule (fen), the shift roster and opening hours, the
 * acknowledgement deadlines, the group-complaint window, the subscribe-message templates (the whole
 * list: id, page and field mapping per notice kind) and the WeCom group robot, which must be one of
 * WeCom's own robot addresses; issue 12 (4): each person's daily limits; issue 18 (2): the repair promise; issue 18 (5): owners' invitations. Only what is sent changes; the desk is named by member id, never by openid.
 */
export const updateSettings = defineAction({
  fn: 'members',
  name: 'updateSettings',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    shifts: z.optional(z.array(z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(10)), start: HHmm, deskMemberIds: z.array(DocId).check(z.maxLength(20)) })).check(z.minLength(1), z.maxLength(6))),
    openingHours: z.optional(z.strictObject({ open: HHmm, close: HHmm })),
    repairWindows: z.optional(z.strictObject({ weekdays: z.array(z.strictObject(WindowTimes.shape)).check(z.maxLength(8)), weekends: z.array(z.strictObject(WindowTimes.shape)).check(z.maxLength(8)) })),
    ackMinutes: z.optional(z.strictObject({ urgent: Minutes, normal: Minutes })),
    repairPromise: z.optional(z.strictObject(RepairPromiseSettings.shape)),
    feeSchedule: z.optional(z.array(z.strictObject(FeeItem.shape)).check(z.maxLength(200))),
    groupComplaintWindowHours: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24 * 7))),
    templates: z.optional(z.array(TemplateInput).check(z.maxLength(NoticeKind.options.length), z.superRefine(oneKindEach))),
    /** What clients before issue 13 send: template ids by notice kind, laid over the templates (withTemplateIds). */
    templateIds: z.optional(z.record(z.string().check(z.regex(/^[a-z.]{1,40}$/)), TemplateId)),
    wecomWebhook: z.optional(z.nullable(z.string().check(z.maxLength(300), z.regex(WECOM_ROBOT_URL)))),
    dailyLimits: z.optional(z.strictObject(DailyLimits.shape)),
    majorDutyKinds: z.optional(z.array(DutyKind).check(z.maxLength(DutyKind.options.length))),
    handoverChecklist: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(12))),
    /** Clients before settings v10 send no `perDay`: the property's limit stays as it is. */
    ownerInvites: z.optional(z.strictObject(z.partial(OwnerInvites, { perDay: true }).shape)),
  }),
  output: SettingsView,
  roles: ['manager'],
  write: true,
  errors: ['SETTINGS.HOURS', 'SETTINGS.WINDOWS', 'SETTINGS.DUPLICATE_FEE', 'SETTINGS.SHIFT_START_TAKEN', 'SETTINGS.NOT_DESK'],
});

export const settingsActions = { settings, updateSettings } as const;
