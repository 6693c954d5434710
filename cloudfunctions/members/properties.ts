import type * as z from 'zod/mini';
import type * as c from '@shared/contracts/company.contract';
import { recordedChange } from '@shared/domain/state-machine';
import { settingsFromTemplate } from '@shared/domain/company.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { propertyModel, type PropertyDoc } from '@shared/model/property.model';
import { defaultSettings } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { ActionFailure } from '../_shared/failures';
import { applyOnce, journalOf, KeyTaken } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { findProperty, findPropertyInTx, insertPropertyInTx, propertiesByIds, writePropertyInTx } from '../_shared/properties';
import { readSettings, writeSettingsInTx } from '../_shared/settings';
import { insertPropertyShadow, writePropertyShadowInTx } from '../_shared/membership';
import { toPropertyView } from './property-views';

const propertySubject = (p: PropertyDoc) => ({ kind: 'property', id: p._id, propertyId: p._id });

const propertyEvent = (action: 'create' | 'deactivate', from: string | null, to: string, { caller, member, now }: ActionContext, reason?: string) =>
  recordedChange('property', action, { from, to, version: 1 }, { actor: caller.openid, role: member.role, now, reason });

/**
 * Issue 14 (1): a new property of the company, active at once, with settings copied from a template
 * property (never its people) or the defaults. It has no members yet: the administrator appoints
 * its manager next. An id in use is refused.
 */
/**
 * Issue 16: what a new property needs before its transaction needs only the input (the id in use or not, the
 * template and its settings): read with the caller's membership, in the first wave.
 */
const createReads = async (input: z.infer<typeof c.createProperty.input>, deps: Deps) => {
  const { propertyId, template } = input;
  // The id and the template in one read of the two.
  const [found, templateSettings] = await Promise.all([propertiesByIds(deps.db, template ? [propertyId, template] : [propertyId]), template ? readSettings(deps.db, template) : null]);
  const byId = (id: string | undefined) => found.find((p) => p._id === id) ?? null;
  return [byId(propertyId), byId(template), templateSettings] as const;
};

/**
 * Issue 16: a new property's copy of its status (`memberAndStatus`), inserted after the commit beside the
 * journal's insert (no wait of its own; an operation of the transaction would have been one more wait, past
 * the budget of five until committed). Only ever inserted: a deactivation that got there first keeps its
 * copy. Until it is there (a call cut short here) the router reads the property's own document, and the
 * timer's upgrade step inserts it. It never rejects: a failure is the timer's to make good.
 */
const insertActiveCopy = (propertyId: string) => (deps: Deps) =>
  insertPropertyShadow(deps.db, propertyId, 'active').then(
    () => undefined,
    (e: unknown) => console.warn(`property ${propertyId}: its status copy was not written; the timer will`, e),
  );

export const createProperty: Handler<typeof c.createProperty> = /* @__PURE__ */ withPrefetch<typeof c.createProperty, Awaited<ReturnType<typeof createReads>>>(createReads, async (input, ctx, [taken, template, templateSettings]) => {
  const { propertyId } = input;
  if (taken) return failure('PROPERTY.EXISTS');
  if (input.template && !template) return failure('PROPERTY.NOT_FOUND');
  const settings = template && templateSettings ? settingsFromTemplate(templateSettings, propertyId) : defaultSettings(propertyId);
  const property = propertyModel.toStored({ _id: propertyId, propertyId, name: input.name, address: input.address, deskPhone: input.deskPhone, status: 'active' });
  // An insert, not a set: of creates racing past the check above, one commits and the others find the id taken
  // (`add` is one of a transaction's operations: Transaction.collection, developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/transaction/Transaction.collection.html).
  const created = await applyOnce(ctx, 'members.createProperty', async (tx) => {
    await insertPropertyInTx(tx, property);
    await writeSettingsInTx(tx, propertyId, settings);
    await appendEvent(tx, propertySubject(property), propertyEvent('create', null, 'active', ctx), input.commandId, `create~${ctx.commandKey}`);
    journalOf(tx)?.beside(insertActiveCopy(propertyId));
    return toPropertyView(property);
  }).catch((e: unknown) => {
    if (e instanceof KeyTaken) return null;
    throw e;
  });
  return created ? ok(created.result) : failure('PROPERTY.EXISTS');
});

/**
 * Issue 14 (1): the property becomes read-only. The router refuses every write in it from the next
 * call (COMMON.PROPERTY_INACTIVE); its people, records and files stay. The call does only that, in
 * one transaction, however many clocks the property has: the timer's deadline step pauses them in
 * bounded batches over its next runs (and never warns of one meanwhile); its other steps pass closed
 * properties by. Deactivating it again answers with it as it is.
 *
 * Issue 16: the transaction writes the property and the copy of its status that the router reads with
 * the caller's membership (`memberAndStatus`), so the very next call sees either both or neither. The
 * property is read with the caller's membership, in the first wave, not in the transaction: the
 * transaction's operations go one at a time and the copy's write is one more, which a read there would
 * have taken past the budget of five waits until committed. Nothing but this action changes a property
 * after it is made, and only from active to inactive: another deactivation that commits after this
 * transaction began is a conflict at its write of the property, and the command's rerun (`applyOnce`)
 * reads the property again, in its transaction; one committed between the first wave's read and the
 * transaction's start is written over with the same status, and its event has the same id (one
 * deactivation per property), so the history tells it once.
 */
export const deactivateProperty: Handler<typeof c.deactivateProperty> = /* @__PURE__ */ withPrefetch<typeof c.deactivateProperty, PropertyDoc | null>(
  (input, deps) => findProperty(deps.db, input.propertyId),
  async (input, ctx, read) => {
    let first: PropertyDoc | null | undefined = read;
    const { result } = await applyOnce(ctx, 'members.deactivateProperty', async (tx) => {
      const current = first === undefined ? await findPropertyInTx(tx, input.propertyId) : first;
      first = undefined;
      if (!current) throw new ActionFailure('PROPERTY.NOT_FOUND');
      if (current.status === 'inactive') return toPropertyView(current);
      const closed = propertyModel.toStored({ ...current, status: 'inactive' });
      await writePropertyInTx(tx, closed);
      await writePropertyShadowInTx(tx, closed._id, 'inactive');
      await appendEvent(tx, propertySubject(closed), propertyEvent('deactivate', current.status, 'inactive', ctx, input.reason), input.commandId, 'deactivate');
      return toPropertyView(closed);
    });
    return ok(result);
  },
);
