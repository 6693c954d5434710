import * as z from 'zod';
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
  repairWindows: RepairWindows.optional(),
  ackMinutes: z.object({ urgent: z.number().int(), normal: z.number().int() }),
  /** Issue 18 (2): how soon a filed repair is dispatched, as the resident is promised. */
  repairPromise: RepairPromiseSettings,
  feeSchedule: z.array(FeeItem),
  groupComplaintWindowHours: z.number().int(),
  /** Issue 13: one subscribe-message template per notice kind, as the sender reads it. */
  templates: z.array(NoticeTemplate),
  /** Always empty: clients before issue 13 require the field; filled, its keys would be notice kinds (dotted field names in the command record). */
  templateIds: z.strictObject({}),
  /** The robot's address holds its key: only the manager sees it whole. */
  wecomWebhook: z.string().nullable(),
  /** Issue 12 (4): how many repairs, complaints, bookings and binding requests one person may file a day. */
  dailyLimits: DailyLimits,
  /** D2: the duty-log kinds this property treats as major; D3: the outgoing member's preparation list. */
  majorDutyKinds: z.array(DutyKind).optional(),
  handoverChecklist: z.array(z.string()).optional(),
  /** Issue 18 (5): whether owners invite family or tenants to bind their room, and whether the desk still reviews those bindings. */
  ownerInvites: OwnerInvites.optional(),
  /** Every change: who, when, which settings. */
  history: z.array(z.object({ by: z.string(), at: z.string(), fields: z.array(z.string()) })),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** The property's settings as they are now, with their change log. */
export const settings = defineAction({
  fn: 'members',
  name: 'settings',
  input: z.object({ ...scoped }).strict(),
  output: SettingsView,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

const Minutes = z.number().int().min(1).max(7 * 24 * 60);

/** A page of this mini-program, as `subscribeMessage.send` takes it: no leading slash; the notice's id is added as `?id=`. */
const PagePath = z.string().regex(/^pages(\/[a-z0-9-]+)+$/).max(100);

const TemplateInput = z
  .object({
    kind: NoticeKind,
    id: TemplateId,
    page: PagePath,
    fields: z.array(z.object({ key: z.string().regex(/^[a-z_]+\d+$/).max(32), source: FieldSource }).strict()).min(1).max(10),
  })
  .strict();

const oneKindEach = (templates: readonly { kind: string }[], ctx: z.RefinementCtx) => {
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
  input: z
    .object({
      ...scoped,
      ...commandFields,
      shifts: z
        .array(z.object({ name: z.string().trim().min(1).max(10), start: HHmm, deskMemberIds: z.array(DocId).max(20) }).strict())
        .min(1)
        .max(6)
        .optional(),
      openingHours: z.object({ open: HHmm, close: HHmm }).strict().optional(),
      repairWindows: z.object({ weekdays: z.array(WindowTimes.strict()).max(8), weekends: z.array(WindowTimes.strict()).max(8) }).strict().optional(),
      ackMinutes: z.object({ urgent: Minutes, normal: Minutes }).strict().optional(),
      repairPromise: RepairPromiseSettings.strict().optional(),
      feeSchedule: z.array(FeeItem.strict()).max(200).optional(),
      groupComplaintWindowHours: z.number().int().min(1).max(24 * 7).optional(),
      templates: z.array(TemplateInput).max(NoticeKind.options.length).superRefine(oneKindEach).optional(),
      /** What clients before issue 13 send: template ids by notice kind, laid over the templates (withTemplateIds). */
      templateIds: z.record(z.string().regex(/^[a-z.]{1,40}$/), TemplateId).optional(),
      wecomWebhook: z.string().max(300).regex(WECOM_ROBOT_URL).nullable().optional(),
      dailyLimits: DailyLimits.strict().optional(),
      majorDutyKinds: z.array(DutyKind).max(DutyKind.options.length).optional(),
      handoverChecklist: z.array(z.string().trim().min(1).max(40)).max(12).optional(),
      /** Clients before settings v10 send no `perDay`: the property's limit stays as it is. */
      ownerInvites: OwnerInvites.partial({ perDay: true }).strict().optional(),
    })
    .strict(),
  output: SettingsView,
  roles: ['manager'],
  write: true,
  errors: ['SETTINGS.HOURS', 'SETTINGS.WINDOWS', 'SETTINGS.DUPLICATE_FEE', 'SETTINGS.SHIFT_START_TAKEN', 'SETTINGS.NOT_DESK'],
});

export const settingsActions = { settings, updateSettings } as const;
