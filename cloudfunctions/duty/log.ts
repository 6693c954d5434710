import type * as c from '@shared/contracts/duty.contract';
import type { DutyEntry, DutyPageDoc } from '@shared/model/duty.model';
import type { ShiftPage } from '@shared/domain/duty-page.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Deps } from '../_shared/deps';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { derivedId } from '../_shared/ids';
import { loadSettings } from '../_shared/settings';
import { ownsFile } from '../_shared/storage';
import { emptyPage, findPageInTx, pageIdOf, savePage } from './duty.repo';
import { currentShift, loadAround, loadParts, partsOf, shiftOfPageId } from './page-parts';
import { pageView, type PageParts } from './views';

/** D1: the page on duty, or the page of a date's shift. */
export const page: Handler<typeof c.page> = async (input, ctx) => {
  const settings = await loadSettings(ctx.deps, ctx.member.propertyId);
  if ((input.date === undefined) !== (input.shiftStart === undefined)) return failure('DUTY.PAGE_NOT_FOUND');
  const shift = input.date && input.shiftStart ? shiftOfPageId(settings, ctx.member.propertyId, `${ctx.member.propertyId}~${input.date}~${input.shiftStart.replace(':', '')}`) : currentShift(settings, ctx.now);
  if (!shift) return failure('DUTY.PAGE_NOT_FOUND');
  return ok(pageView(await loadParts(ctx, shift, settings), ctx.member));
};

/**
 * Writes a change to the page on duty, made empty if nobody wrote to it yet (pages are never removed: added by the
 * transaction, `addInTx`, so one made meanwhile ends the run and the rerun reads it); the view answers with the page
 * as written. Issue 16: the page is read once, in the command's transaction started with the membership, and what
 * its view shows besides it is read outside the transaction, beside that read; the proposals only `withProposals` (a
 * confirmation checks its own against them; the other writes answer none: the desk reloads the page after a write).
 * `change` refuses by throwing.
 */
const onDutyPage = async (
  ctx: ActionContext,
  name: string,
  shift: ShiftPage,
  settings: SettingsDoc,
  change: (doc: DutyPageDoc, parts: PageParts) => DutyPageDoc,
  withProposals = false,
) => {
  const { member, now } = ctx;
  const { result } = await applyOnce(ctx, name, async (tx) => {
    const around = loadAround(ctx, shift, settings, withProposals);
    around.catch(() => undefined);
    const found = await findPageInTx(tx, pageIdOf(member.propertyId, shift));
    const parts = partsOf(shift, found, await around);
    const doc = found ?? emptyPage(member.propertyId, shift, now);
    const stored = await savePage(tx, { ...change(doc, parts), version: doc.version + 1, updatedAt: now.toISOString() }, !found);
    return pageView({ ...parts, stored }, member);
  });
  return ok(result);
};

const newEntry = (ctx: ActionContext, parts: PageParts, fields: Omit<DutyEntry, 'id' | 'loggedAt' | 'major' | 'recorder' | 'emergency'>): DutyEntry => ({
  ...fields,
  id: derivedId('de', ctx.commandKey),
  loggedAt: ctx.now.toISOString(),
  major: parts.settings.majorDutyKinds.includes(fields.kind),
  recorder: ctx.member.name,
  emergency: null,
});

/** Issue 16: the property's settings need only the input: read beside the membership (when this instance has not read them in the last 30 s). */
export const settingsFirst = (input: { propertyId: string }, deps: Deps): Promise<SettingsDoc> => loadSettings(deps, input.propertyId);

/** D1: an entry on the page on duty, at a time inside its shift and not after now. */
export const logEntry: Handler<typeof c.logEntry> = /* @__PURE__ */ withPrefetch<typeof c.logEntry, SettingsDoc>(settingsFirst, async (input, ctx, settings) => {
  const at = input.at ? new Date(input.at) : ctx.now;
  const shift = currentShift(settings, ctx.now);
  if (at < shift.startsAt || at > ctx.now) return failure('DUTY.ENTRY_TIME');
  const { kind, what, handling, followUp, result, status } = input;
  return onDutyPage(ctx, 'duty.logEntry', shift, settings, (doc, parts) => ({
    ...doc,
    entries: [...doc.entries, newEntry(ctx, parts, { at: at.toISOString(), kind, what, handling, followUp, result, status, source: null })],
  }));
});

/** D1: a proposed event, confirmed once onto the page on duty; the desk adds how it was handled. */
export const confirmProposal: Handler<typeof c.confirmProposal> = /* @__PURE__ */ withPrefetch<typeof c.confirmProposal, SettingsDoc>(settingsFirst, async (input, ctx, settings) => {
  const { handling, followUp, result, status } = input;
  const same = (source: { kind: string; id: string } | null) => source?.kind === input.source.kind && source.id === input.source.id;
  return onDutyPage(ctx, 'duty.confirmProposal', currentShift(settings, ctx.now), settings, (doc, parts) => {
    const found = parts.proposals.find((p) => same(p.source));
    if (!found || doc.entries.some((e) => same(e.source))) throw new ActionFailure('DUTY.PROPOSAL_NOT_FOUND');
    return { ...doc, entries: [...doc.entries, newEntry(ctx, parts, { at: found.at, kind: found.kind, what: found.what, handling, followUp, result, status, source: found.source })] };
  }, true);
});

/**
 * Writes a change to one entry of a stored page of the caller's property, at the version the caller saw, until its
 * day is signed. Issue 16: the page is read once, in the transaction, its handover and day beside that read; the
 * refusals come in the order they always did.
 */
const onEntry = async (
  ctx: ActionContext,
  settings: SettingsDoc,
  name: string,
  input: { pageId: string; entryId: string; version: number },
  change: (entry: DutyEntry) => DutyEntry,
) => {
  const shift = shiftOfPageId(settings, ctx.member.propertyId, input.pageId);
  if (!shift) return failure('DUTY.PAGE_NOT_FOUND');
  const { result } = await applyOnce(ctx, name, async (tx) => {
    const around = loadAround(ctx, shift, settings, false);
    around.catch(() => undefined);
    const doc = await findPageInTx(tx, input.pageId);
    const parts = partsOf(shift, doc, await around);
    if (!doc) throw new ActionFailure('DUTY.PAGE_NOT_FOUND');
    if (!doc.entries.some((e) => e.id === input.entryId)) throw new ActionFailure('DUTY.ENTRY_NOT_FOUND');
    if (parts.daySigned) throw new ActionFailure('DUTY.DAY_SIGNED');
    if (doc.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const entries = doc.entries.map((e) => (e.id === input.entryId ? change(e) : e));
    const stored = await savePage(tx, { ...doc, entries, version: doc.version + 1, updatedAt: ctx.now.toISOString() });
    return pageView({ ...parts, stored }, ctx.member);
  });
  return ok(result);
};

/** D1: how an entry was handled, its follow-up, result and state. */
export const updateEntry: Handler<typeof c.updateEntry> = /* @__PURE__ */ withPrefetch<typeof c.updateEntry, SettingsDoc>(settingsFirst, async (input, ctx, settings) =>
  onEntry(ctx, settings, 'duty.updateEntry', input, (e) => ({ ...e, handling: input.handling, followUp: input.followUp, result: input.result, status: input.status })),
);

/** D2: a major event's emergency record, its photos the caller's own uploads. */
export const recordEmergency: Handler<typeof c.recordEmergency> = /* @__PURE__ */ withPrefetch<typeof c.recordEmergency, SettingsDoc>(settingsFirst, async (input, ctx, settings) => {
  if (!input.photos.every((f) => ownsFile(ctx.member, f))) return failure('DUTY.PHOTO_NOT_YOURS');
  return onEntry(ctx, settings, 'duty.recordEmergency', input, (e) => {
    if (!e.major) throw new ActionFailure('DUTY.NOT_MAJOR');
    return { ...e, emergency: { account: input.account, photos: input.photos, by: ctx.member.name, at: ctx.now.toISOString() } };
  });
});
