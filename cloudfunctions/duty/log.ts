import type * as c from '@shared/contracts/duty.contract';
import type { DutyEntry, DutyPageDoc } from '@shared/model/duty.model';
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
import { pageEachRun, pageInTx, savePage } from './duty.repo';
import { currentShift, loadParts, shiftOfPageId } from './page-parts';
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
 * Writes a change to the page on duty (its parts as the caller just read them), made empty first if
 * nobody wrote to it yet (pages are never removed); the view answers with the page as written.
 */
const onDutyPage = async (ctx: ActionContext, name: string, parts: PageParts, change: (doc: DutyPageDoc, parts: PageParts) => DutyPageDoc) => {
  const pageOf = pageEachRun(ctx.deps.db, ctx.member.propertyId, parts.shift, parts.stored !== null, ctx.now);
  const { result } = await applyOnce(ctx, name, async (tx) => {
    const { doc, created } = await pageOf(tx);
    const stored = await savePage(tx, { ...change(doc, parts), version: doc.version + 1, updatedAt: ctx.now.toISOString() }, created);
    return pageView({ ...parts, stored }, ctx.member);
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
  return onDutyPage(ctx, 'duty.logEntry', await loadParts(ctx, shift, settings), (doc, parts) => ({
    ...doc,
    entries: [...doc.entries, newEntry(ctx, parts, { at: at.toISOString(), kind, what, handling, followUp, result, status, source: null })],
  }));
});

/** D1: a proposed event, confirmed once onto the page on duty; the desk adds how it was handled. */
export const confirmProposal: Handler<typeof c.confirmProposal> = async (input, ctx) => {
  const settings = await loadSettings(ctx.deps, ctx.member.propertyId);
  const onDuty = await loadParts(ctx, currentShift(settings, ctx.now), settings);
  const found = onDuty.proposals.find((p) => p.source.kind === input.source.kind && p.source.id === input.source.id);
  if (!found) return failure('DUTY.PROPOSAL_NOT_FOUND');
  const { handling, followUp, result, status } = input;
  return onDutyPage(ctx, 'duty.confirmProposal', onDuty, (doc, parts) => {
    if (doc.entries.some((e) => e.source?.kind === found.source.kind && e.source.id === found.source.id)) throw new ActionFailure('DUTY.PROPOSAL_NOT_FOUND');
    return { ...doc, entries: [...doc.entries, newEntry(ctx, parts, { at: found.at, kind: found.kind, what: found.what, handling, followUp, result, status, source: found.source })] };
  });
};

/** Writes a change to one entry of a stored page of the caller's property, at the version the caller saw, until its day is signed. */
const onEntry = async (
  ctx: ActionContext,
  name: string,
  input: { pageId: string; entryId: string; version: number },
  change: (entry: DutyEntry) => DutyEntry,
) => {
  const settings = await loadSettings(ctx.deps, ctx.member.propertyId);
  const shift = shiftOfPageId(settings, ctx.member.propertyId, input.pageId);
  if (!shift) return failure('DUTY.PAGE_NOT_FOUND');
  const parts = await loadParts(ctx, shift, settings);
  if (!parts.stored) return failure('DUTY.PAGE_NOT_FOUND');
  if (!parts.stored.entries.some((e) => e.id === input.entryId)) return failure('DUTY.ENTRY_NOT_FOUND');
  if (parts.daySigned) return failure('DUTY.DAY_SIGNED');
  const { result } = await applyOnce(ctx, name, async (tx) => {
    const doc = await pageInTx(tx, parts.stored!._id);
    if (doc.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const entries = doc.entries.map((e) => (e.id === input.entryId ? change(e) : e));
    const stored = await savePage(tx, { ...doc, entries, version: doc.version + 1, updatedAt: ctx.now.toISOString() });
    return pageView({ ...parts, stored }, ctx.member);
  });
  return ok(result);
};

/** D1: how an entry was handled, its follow-up, result and state. */
export const updateEntry: Handler<typeof c.updateEntry> = async (input, ctx) =>
  onEntry(ctx, 'duty.updateEntry', input, (e) => ({ ...e, handling: input.handling, followUp: input.followUp, result: input.result, status: input.status }));

/** D2: a major event's emergency record, its photos the caller's own uploads. */
export const recordEmergency: Handler<typeof c.recordEmergency> = async (input, ctx) => {
  if (!input.photos.every((f) => ownsFile(ctx.member, f))) return failure('DUTY.PHOTO_NOT_YOURS');
  return onEntry(ctx, 'duty.recordEmergency', input, (e) => {
    if (!e.major) throw new ActionFailure('DUTY.NOT_MAJOR');
    return { ...e, emergency: { account: input.account, photos: input.photos, by: ctx.member.name, at: ctx.now.toISOString() } };
  });
};
