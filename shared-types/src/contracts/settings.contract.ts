import * as z from 'zod';
import { commandFields, defineAction, DocId, scoped } from './action';
import { DailyLimits, FeeItem, HHmm, RepairWindows, WindowTimes } from '../model/settings.model';

const ShiftView = z.object({ name: z.string(), start: z.string(), desk: z.array(z.object({ memberId: z.string(), name: z.string() })) });

export const SettingsView = z.object({
  shifts: z.array(ShiftView),
  openingHours: z.object({ open: z.string(), close: z.string() }),
  /** V4: the windows technicians come to homes in. */
  repairWindows: RepairWindows.optional(),
  ackMinutes: z.object({ urgent: z.number().int(), normal: z.number().int() }),
  feeSchedule: z.array(FeeItem),
  groupComplaintWindowHours: z.number().int(),
  templateIds: z.record(z.string(), z.string()),
  /** The robot's address holds its key: only the manager sees it whole. */
  wecomWebhook: z.string().nullable(),
  /** Issue 12 (4): how many repairs, complaints, bookings and binding requests one person may file a day. */
  dailyLimits: DailyLimits,
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
});

const Minutes = z.number().int().min(1).max(7 * 24 * 60);

/**
 * Issue 7 (5): the manager edits the fee schedule (fen), the shift roster and opening hours, the
 * acknowledgement deadlines, the group-complaint window and the subscribe-message template ids;
 * issue 12 (4): each person's daily limits.
 * Only what is sent changes; the desk is named by member id, never by openid.
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
      feeSchedule: z.array(FeeItem.strict()).max(200).optional(),
      groupComplaintWindowHours: z.number().int().min(1).max(24 * 7).optional(),
      templateIds: z.record(z.string().regex(/^[a-z.]{1,40}$/), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).optional(),
      wecomWebhook: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
      dailyLimits: DailyLimits.strict().optional(),
    })
    .strict(),
  output: SettingsView,
  roles: ['manager'],
  write: true,
});

export const settingsActions = { settings, updateSettings } as const;
