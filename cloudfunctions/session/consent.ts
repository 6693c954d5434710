import type * as c from '@shared/contracts/session.contract';
import { LOW_STOCK, pushAudience } from '@shared/domain/push-audience.rules';
import { ok } from '@shared/result';
import type { MemberDoc } from '@shared/model/member.model';
import { templateFor, type SettingsDoc } from '@shared/model/settings.model';
import type { Database } from '../_shared/database';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { consentIdOf } from '../_shared/channels';
import { acceptSendInTx, consentsByIds } from '../_shared/consents';
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
 * count; the command id makes a retried report count once. Issue 16: the settings are read with the
 * membership; each ledger document is read (and made, the first time) in the command's transaction, which
 * starts in the first wave, and the stock of the other templates is read beside the transaction's operations.
 */
export const consent: Handler<typeof c.consent> = /* @__PURE__ */ withPrefetch<typeof c.consent, SettingsDoc>(
  (input, deps) => loadSettings(deps, input.propertyId),
  async (input, ctx, settings) => {
    const { deps, member, now } = ctx;
    const mine = new Set(templatesFor(settings, member).map((t) => t.templateId));
    const accepted = [...new Set(input.accepted)].filter((id) => mine.has(id));
    // A retry of this command answers with the stock as the command left it.
    const { result } = await applyOnce(ctx, 'session.consent', async (tx) => {
      const before = stockOf(deps.db, settings, member);
      before.catch(() => undefined);
      const after = new Map<string, number>();
      for (const templateId of accepted) {
        const ledger = { _id: consentIdOf(member.openid, templateId), propertyId: member.propertyId, openid: member.openid, templateId, updatedAt: now.toISOString() };
        after.set(templateId, await acceptSendInTx(tx, ledger));
      }
      return withLow((await before).templates.map((t) => ({ ...t, remaining: after.get(t.templateId) ?? t.remaining })));
    });
    return ok(result);
  },
);
