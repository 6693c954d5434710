import type * as c from '@shared/contracts/session.contract';
import { LOW_STOCK, pushAudience } from '@shared/domain/push-audience.rules';
import { ok } from '@shared/result';
import type { MemberDoc } from '@shared/model/member.model';
import { templateFor, type SettingsDoc } from '@shared/model/settings.model';
import type { Database } from '../_shared/database';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { consentIdOf } from '../_shared/channels';
import { addConsentSendInTx, consentsByIds, ensureConsent } from '../_shared/consents';
import { loadSettings } from '../_shared/settings';

/** The property's templates ready to send that reach this member's role. */
const templatesFor = (settings: SettingsDoc, member: MemberDoc) =>
  settings.templates
    .filter((t) => templateFor(settings.templates, t.kind) && pushAudience[t.kind].includes(member.role))
    .map((t) => ({ kind: t.kind, templateId: t.id }));

/** Issue 5: the member's sends left for each template that reaches them; `low` when some run short. */
export const stockOf = async (db: Database, settings: SettingsDoc, member: MemberDoc): Promise<c.SubscribeStockView> => {
  const templates = templatesFor(settings, member);
  const ids = [...new Set(templates.map((t) => consentIdOf(member.openid, t.templateId)))];
  const left = new Map((await consentsByIds(db, ids)).map((d) => [d.templateId, d.remaining]));
  return withLow(templates.map((t) => ({ ...t, remaining: left.get(t.templateId) ?? 0 })));
};

const withLow = (templates: c.SubscribeStockView['templates']): c.SubscribeStockView => ({ templates, low: templates.some((t) => t.remaining < LOW_STOCK) });

/**
 * Issue 5: one acceptance, one send. Only templates the property configures for the member's role
 * count; each ledger document exists before the transaction that adds to it, and the command id
 * makes a retried report count once.
 */
export const consent: Handler<typeof c.consent> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const settings = await loadSettings(deps, member.propertyId);
  const mine = new Set(templatesFor(settings, member).map((t) => t.templateId));
  const accepted = [...new Set(input.accepted)].filter((id) => mine.has(id));
  for (const templateId of accepted) {
    const id = consentIdOf(member.openid, templateId);
    await ensureConsent(deps.db, { _id: id, propertyId: member.propertyId, openid: member.openid, templateId, remaining: 0, updatedAt: now.toISOString() });
  }
  const before = await stockOf(deps.db, settings, member);
  // A retry of this command answers with the stock as the command left it.
  const { result } = await applyOnce(ctx, 'session.consent', async (tx) => {
    const after = new Map<string, number>();
    for (const templateId of accepted) {
      const id = consentIdOf(member.openid, templateId);
      after.set(templateId, await addConsentSendInTx(tx, id, now));
    }
    return withLow(before.templates.map((t) => ({ ...t, remaining: after.get(t.templateId) ?? t.remaining })));
  });
  return ok(result);
};
