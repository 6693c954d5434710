import type { CallOutcome, SystemHealth, SystemHealthInput } from '@shared/contracts/system-health.contract';
import { messageData } from '@shared/domain/subscribe-message.rules';
import * as messages from '@shared/messages/words';
import { templateFor } from '@shared/model/settings.model';
import type { Deps } from '../_shared/deps';
import { companyProperties } from '../_shared/properties';
import { Deferred, postPaced } from '../_shared/robot';
import { loadSettings } from '../_shared/settings';
import { callByName, failed, messageOf, NO_OPEN_API, outcomeOf, type MessageTests } from '../_shared/system-health';

/** Issue 13 (3): a test message to the property's robot, or to every property's that has one (at most 20). */
const robots = async (deps: Deps, propertyId: string | undefined) => {
  const ids = propertyId ? [propertyId] : (await companyProperties(deps.db, 20)).map((p) => p._id);
  const out: NonNullable<SystemHealth['robots']> = [];
  for (const id of ids) {
    const url = (await loadSettings(deps, id)).wecomWebhook;
    if (!url) continue;
    try {
      await postPaced(deps, url, { msgtype: 'markdown', markdown: { content: `**${messages.healthTexts.smokeRobotTitle}**\n${messages.healthTexts.smokeRobot}` } });
      out.push({ propertyId: id, outcome: 'sent', detail: 'errcode 0' });
    } catch (e) {
      out.push({ propertyId: id, outcome: e instanceof Deferred ? 'deferred' : 'failed', detail: messageOf(e) });
    }
  }
  return out;
};

/** Issue 13 (3): the property's template (for the kind asked, or its first ready one) sent to a test person who accepted it. */
const subscribe = async (deps: Deps, test: NonNullable<SystemHealthInput['subscribe']>): Promise<CallOutcome> => {
  const settings = await loadSettings(deps, test.propertyId);
  const template = test.kind ? templateFor(settings.templates, test.kind) : settings.templates.find((t) => templateFor(settings.templates, t.kind));
  if (!template) return failed('no template with its fields is set for this property');
  const now = deps.now().toISOString();
  const data = messageData(template.fields, { title: messages.healthTexts.smokeRobotTitle, body: messages.healthTexts.smokeSubscribe, time: now, status: messages.healthTexts.smokeRobotTitle });
  if (!data) return failed(`template ${template.id} has a field no test value fits`);
  const wechat = deps.wechat;
  if (!wechat) return failed(NO_OPEN_API);
  return outcomeOf(() => callByName(wechat, 'sendSubscribe', [{ touser: test.openid, templateId: template.id, page: template.page, data }]));
};

/** What the session function answers a health call's robot and subscribe tests with (../_shared/system-health.ts `MessageTests`). */
export const messageTests: MessageTests = { robots, subscribe };
