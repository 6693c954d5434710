import type * as settings from '@shared/contracts/settings.contract';
import { DEFAULT_OWNER_INVITES, type DailyLimits, type OwnerInvites } from '@shared/model/settings.model';
import { yuan } from '@shared/domain/quote.rules';
import type { CallInput } from '../../../api';
import type { SettingsView } from '../../../hooks/useSettings';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { parseYuan } from '../../../utils/money';
import { templateKindAt, templateRows, templatesOf, type TemplateRow } from './template-rows';

export interface FeeRow {
  code: string;
  name: string;
  /** Yuan, as typed ("30", "30.50"). */
  price: string;
}

export interface ShiftRow {
  name: string;
  start: string;
  deskMemberIds: string[];
}

/** The settings as the manager types them: text in every field until it is sent. */
export interface SettingsForm {
  fees: FeeRow[];
  shifts: ShiftRow[];
  open: string;
  close: string;
  ackUrgent: string;
  ackNormal: string;
  /** Issue 18 (2): the minutes a normal repair is promised to be dispatched within, as typed. */
  dispatchMinutes: string;
  groupHours: string;
  /** V4: the repair windows as typed, "09:00-11:00, 14:00-16:00". */
  weekdayWindows: string;
  weekendWindows: string;
  /** One row per notice kind, in the catalogue's order. */
  templates: TemplateRow[];
  webhook: string;
  /** Issue 12 (4): each person's daily limits, as typed. */
  limits: Record<keyof DailyLimits, string>;
  /** Issue 18 (5): whether owners invite family or tenants, and whether the desk reviews those bindings. */
  ownerInvites: Pick<OwnerInvites, 'enabled' | 'deskApproves'>;
  /** How many codes one owner may issue a day, as typed. */
  invitesPerDay: string;
}

export type Section = 'fees' | 'shifts' | 'hours' | 'deadlines' | 'promise' | 'groupWindow' | 'windows' | 'templates' | 'webhook' | 'limits' | 'invites';

export const limitKinds: readonly (keyof DailyLimits)[] = ['repairs', 'complaints', 'bookings', 'bindingRequests'];

type Window = { start: string; end: string };

/** "09:00-11:00, 14:00-16:00" */
export const windowsText = (windows: readonly Window[]): string => windows.map((w) => `${w.start}-${w.end}`).join(', ');

/**
 * Windows as the manager types them, separated by commas (either width) or spaces, each
 * "09:00-11:00" (or with –, ～, ~, 至). A piece that is not one is kept as it is, so the
 * contract refuses it and the section says how to write it.
 */
export const parseWindows = (typed: string): Window[] =>
  typed
    .split(/[,，、;；\s]+/)
    .filter(Boolean)
    .map((piece) => {
      const m = /^(\d{1,2})[:：](\d{2})[-–—~～至](\d{1,2})[:：](\d{2})$/.exec(piece);
      if (!m) return { start: piece, end: '' };
      const hhmm = (h: string, mm: string) => `${h.padStart(2, '0')}:${mm}`;
      return { start: hhmm(m[1]!, m[2]!), end: hhmm(m[3]!, m[4]!) };
    });
export type Update = Omit<CallInput<typeof settings.updateSettings>, 'propertyId'>;

export const formOf = (view: SettingsView): SettingsForm => ({
  fees: view.feeSchedule.map((f) => ({ code: f.code, name: f.name, price: yuan(f.priceFen) })),
  shifts: view.shifts.map((s) => ({ name: s.name, start: s.start, deskMemberIds: s.desk.map((d) => d.memberId) })),
  open: view.openingHours.open,
  close: view.openingHours.close,
  ackUrgent: String(view.ackMinutes.urgent),
  ackNormal: String(view.ackMinutes.normal),
  dispatchMinutes: String(view.repairPromise.dispatchMinutes),
  groupHours: String(view.groupComplaintWindowHours),
  weekdayWindows: windowsText(view.repairWindows?.weekdays ?? []),
  weekendWindows: windowsText(view.repairWindows?.weekends ?? []),
  templates: templateRows(view.templates),
  webhook: view.wecomWebhook ?? '',
  limits: { repairs: String(view.dailyLimits.repairs), complaints: String(view.dailyLimits.complaints), bookings: String(view.dailyLimits.bookings), bindingRequests: String(view.dailyLimits.bindingRequests) },
  ownerInvites: { enabled: (view.ownerInvites ?? DEFAULT_OWNER_INVITES).enabled, deskApproves: (view.ownerInvites ?? DEFAULT_OWNER_INVITES).deskApproves },
  invitesPerDay: String((view.ownerInvites ?? DEFAULT_OWNER_INVITES).perDay),
});

/** A code for a new fee item, unlike the others' ("item-1", "item-2", …): quotes keep items by code, people by name. */
export const newFeeCode = (rows: readonly FeeRow[]): string => {
  const taken = new Set(rows.map((row) => row.code));
  let n = 1;
  while (taken.has(`item-${n}`)) n += 1;
  return `item-${n}`;
};

/** A whole number as typed; NaN (refused by the contract) when it is not one. */
export const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to send: only the sections that differ from the settings the form started from. A fee
 * whose price is not an amount of yuan is named by its row (1-based) instead, since it has no fen.
 */
export const changesOf = (form: SettingsForm, base: SettingsView): { update: Update; badFee: number | null } => {
  const was = formOf(base);
  const update: Update = {};
  const fees = form.fees.filter((f) => f.name.trim() || f.price.trim());
  const feeSchedule = fees.map((f) => ({ code: f.code.trim(), name: f.name.trim(), priceFen: parseYuan(f.price) }));
  const badFee = feeSchedule.findIndex((f) => f.priceFen === null);
  if (badFee >= 0) return { update, badFee: badFee + 1 };
  const before = base.feeSchedule.map((f) => ({ code: f.code, name: f.name, priceFen: f.priceFen }));
  if (!same(feeSchedule, before)) update.feeSchedule = feeSchedule.map((f) => ({ ...f, priceFen: f.priceFen ?? 0 }));

  const shifts = form.shifts.map((s) => ({ name: s.name.trim(), start: s.start.trim(), deskMemberIds: s.deskMemberIds }));
  if (!same(shifts, was.shifts)) update.shifts = shifts;
  if (form.open.trim() !== was.open || form.close.trim() !== was.close) update.openingHours = { open: form.open.trim(), close: form.close.trim() };
  if (form.ackUrgent.trim() !== was.ackUrgent || form.ackNormal.trim() !== was.ackNormal) {
    update.ackMinutes = { urgent: whole(form.ackUrgent), normal: whole(form.ackNormal) };
  }
  if (form.dispatchMinutes.trim() !== was.dispatchMinutes) update.repairPromise = { dispatchMinutes: whole(form.dispatchMinutes) };
  if (form.groupHours.trim() !== was.groupHours) update.groupComplaintWindowHours = whole(form.groupHours);
  const weekdays = parseWindows(form.weekdayWindows);
  const weekends = parseWindows(form.weekendWindows);
  if (!same(weekdays, parseWindows(was.weekdayWindows)) || !same(weekends, parseWindows(was.weekendWindows))) update.repairWindows = { weekdays, weekends };
  const templates = templatesOf(form.templates);
  if (!same(templates, templatesOf(was.templates))) update.templates = templates as Update['templates'];
  const webhook = form.webhook.trim();
  if (webhook !== was.webhook) update.wecomWebhook = webhook || null;
  if (limitKinds.some((kind) => form.limits[kind].trim() !== was.limits[kind])) {
    update.dailyLimits = { repairs: whole(form.limits.repairs), complaints: whole(form.limits.complaints), bookings: whole(form.limits.bookings), bindingRequests: whole(form.limits.bindingRequests) };
  }
  if (!same(form.ownerInvites, was.ownerInvites) || form.invitesPerDay.trim() !== was.invitesPerDay) update.ownerInvites = { ...form.ownerInvites, perDay: whole(form.invitesPerDay) };
  return { update, badFee: null };
};

const sectionOfField: Record<string, Section> = {
  feeSchedule: 'fees',
  shifts: 'shifts',
  openingHours: 'hours',
  ackMinutes: 'deadlines',
  repairPromise: 'promise',
  groupComplaintWindowHours: 'groupWindow',
  repairWindows: 'windows',
  templates: 'templates',
  wecomWebhook: 'webhook',
  dailyLimits: 'limits',
  ownerInvites: 'invites',
};

const sectionOfCode: Record<string, Section> = {
  'SETTINGS.HOURS': 'hours',
  'SETTINGS.SHIFT_START_TAKEN': 'shifts',
  'SETTINGS.NOT_DESK': 'shifts',
  'SETTINGS.DUPLICATE_FEE': 'fees',
  'SETTINGS.WINDOWS': 'windows',
};

const messageFor = (section: Section, index: string | undefined, update: Update): string => {
  const e = supervisorUi.settings.errors;
  const n = Number(index ?? 0) + 1;
  const bySection: Record<Section, string> = {
    fees: fill(e.fee, { n }),
    shifts: fill(e.shift, { n }),
    hours: e.time,
    deadlines: e.minutes,
    promise: e.promise,
    groupWindow: e.windowHours,
    windows: e.windows,
    templates: fill(e.template, { notice: templateKindAt(update, n - 1) }),
    webhook: e.webhook,
    limits: e.limits,
    invites: e.invites,
  };
  return bySection[section];
};

/** The part of an update that belongs to some sections: what one section's own save sends. */
export const updateFor = (update: Update, sections: readonly Section[]): Update =>
  Object.fromEntries(Object.entries(update).filter(([key]) => sections.includes(sectionOfField[key] as Section))) as Update;

/** The contract's refusal (`feeSchedule.2.code`, `ackMinutes.urgent`) said under the section it concerns. */
export const errorsOfFields = (paths: readonly string[], update: Update): Partial<Record<Section, string>> =>
  Object.fromEntries(
    paths.flatMap((path) => {
      const [root = '', index] = path.split('.');
      const section = sectionOfField[root];
      return section ? [[section, messageFor(section, /^\d+$/.test(index ?? '') ? index : undefined, update)]] : [];
    }),
  );

/** The server's refusal of a whole section (hours that end before they start, two shifts at one time). */
export const sectionOfRefusal = (code: string): Section | null => sectionOfCode[code] ?? null;

export const feeRowError = (row: number) => fill(supervisorUi.settings.errors.fee, { n: row });
