import type * as c from '@shared/contracts/company.contract';
import { recordedChange } from '@shared/domain/state-machine';
import { settingsFromTemplate } from '@shared/domain/company.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { propertyModel, type PropertyDoc } from '@shared/model/property.model';
import { defaultSettings } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import type { Handler } from '../_shared/router';
import { applyOnce, KeyTaken } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { findProperty, insertPropertyInTx, readPropertyInTx, writePropertyInTx } from '../_shared/properties';
import { readSettings, writeSettingsInTx } from '../_shared/settings';
import { toPropertyView } from './property-views';

const propertySubject = (p: PropertyDoc) => ({ kind: 'property', id: p._id, propertyId: p._id });

const propertyEvent = (action: 'create' | 'deactivate', from: string | null, to: string, { caller, member, now }: ActionContext, reason?: string) =>
  recordedChange('property', action, { from, to, version: 1 }, { actor: caller.openid, role: member.role, now, reason });

/**
 * Issue 14 (1): a new property of the company, active at once, with settings copied from a template
 * property (never its people) or the defaults. It has no members yet: the administrator appoints
 * its manager next. An id in use is refused.
 */
export const createProperty: Handler<typeof c.createProperty> = async (input, ctx) => {
  const { db } = ctx.deps;
  const { propertyId } = input;
  if (await findProperty(db, propertyId)) return failure('PROPERTY.EXISTS');
  const template = input.template ? await findProperty(db, input.template) : null;
  if (input.template && !template) return failure('PROPERTY.NOT_FOUND');
  const settings = template ? settingsFromTemplate(await readSettings(db, template._id), propertyId) : defaultSettings(propertyId);
  const property = propertyModel.toStored({ _id: propertyId, propertyId, name: input.name, address: input.address, deskPhone: input.deskPhone, status: 'active' });
  // An insert, not a set: of creates racing past the check above, one commits and the others find the id taken
  // (`add` is one of a transaction's operations: Transaction.collection, developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/transaction/Transaction.collection.html).
  const created = await applyOnce(ctx, 'members.createProperty', async (tx) => {
    await insertPropertyInTx(tx, property);
    await writeSettingsInTx(tx, propertyId, settings);
    await appendEvent(tx, propertySubject(property), propertyEvent('create', null, 'active', ctx), input.commandId, `create~${ctx.commandKey}`);
    return toPropertyView(property);
  }).catch((e: unknown) => {
    if (e instanceof KeyTaken) return null;
    throw e;
  });
  return created ? ok(created.result) : failure('PROPERTY.EXISTS');
};

/**
 * Issue 14 (1): the property becomes read-only. The router refuses every write in it from the next
 * call (COMMON.PROPERTY_INACTIVE); its people, records and files stay. The call does only that, in
 * one transaction, however many clocks the property has: the timer's deadline step pauses them in
 * bounded batches over its next runs (and never warns of one meanwhile); its other steps pass closed
 * properties by. Deactivating it again answers with it as it is.
 */
export const deactivateProperty: Handler<typeof c.deactivateProperty> = async (input, ctx) => {
  const found = await findProperty(ctx.deps.db, input.propertyId);
  if (!found) return failure('PROPERTY.NOT_FOUND');
  if (found.status === 'inactive') return ok(toPropertyView(found));
  const { result } = await applyOnce(ctx, 'members.deactivateProperty', async (tx) => {
    const current = await readPropertyInTx(tx, found._id);
    const closed = propertyModel.toStored({ ...current, status: 'inactive' });
    await writePropertyInTx(tx, closed);
    await appendEvent(tx, propertySubject(closed), propertyEvent('deactivate', current.status, 'inactive', ctx, input.reason), input.commandId, `deactivate~${ctx.commandKey}`);
    return toPropertyView(closed);
  });
  return ok(result);
};
