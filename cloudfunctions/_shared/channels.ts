import { messageData } from '@shared/domain/subscribe-message.rules';
import { audienceOfUser } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from './deps';
import { templateFor, type SettingsDoc } from '@shared/model/settings.model';
import { bumpSignals, type SignalTarget } from './signals';
import { errCodeOf, NOT_SUBSCRIBED } from './wechat';
import { postPaced } from './robot';
import { claimConsentSend, consentIdOf, emptyConsent, giveConsentSendBack } from './consents';

/** A property's settings as one batch of sending reads them: once per property, however many notices need them. */
export type SettingsOf = (propertyId: string) => Promise<SettingsDoc>;

/** A notice that will never go out on its channel, and must not be retried: why, and how it ends. */
export class Settled extends Error {
  constructor(
    readonly status: 'refused' | 'skipped',
    reason: string,
  ) {
    super(reason);
  }
}

/** A person, not a role's audience or the staff group: only a person can be pushed a subscribe message. */
export const isPerson = (recipient: string) => !recipient.startsWith('role:') && recipient !== 'group';

export { consentIdOf } from './consents';

/** The signal an inbox notice bumps: its role's, or its person's. */
export const signalOf = (notice: OutboxDoc): SignalTarget => ({
  propertyId: notice.propertyId,
  audience: notice.recipient.startsWith('role:') ? notice.recipient : audienceOfUser(notice.recipient),
});

/**
 * Issue 5: a subscribe message uses one of the person's sends for the template (the consent
 * ledger); none left, no template configured, or fields the template cannot carry: it is skipped
 * (the in-app inbox has it anyway). WeChat's 43101 means no subscription after all: the ledger is
 * emptied and the notice refused, not retried. Any other failure gives the send back and retries.
 */
const pushSubscribe = async (deps: Deps, notice: OutboxDoc, settingsOf: SettingsOf): Promise<void> => {
  const settings = await settingsOf(notice.propertyId);
  const template = templateFor(settings.templates, notice.kind);
  if (!template) throw new Settled('skipped', 'no template for this notice');
  if (!deps.wechat) throw new Error('no WeChat open API here');
  const data = messageData(template.fields, { title: notice.title, body: notice.body, time: notice.createdAt, ...notice.facts });
  if (!data) throw new Settled('skipped', 'the template cannot carry this notice');
  const consent = consentIdOf(notice.recipient, template.id);
  if (!(await claimConsentSend(deps.db, consent, deps.now()))) throw new Settled('skipped', 'no send left for this template');
  try {
    const page = `${template.page}${template.page.includes('?') ? '&' : '?'}id=${encodeURIComponent(notice.subject.id)}`;
    await deps.wechat.sendSubscribe({ touser: notice.recipient, templateId: template.id, page, data });
  } catch (e) {
    if (errCodeOf(e) === NOT_SUBSCRIBED) {
      await emptyConsent(deps.db, consent);
      throw new Settled('refused', `${NOT_SUBSCRIBED}: not subscribed`);
    }
    await giveConsentSendBack(deps.db, consent);
    throw e;
  }
};

/**
 * Delivers one notice on its channel. inbox: the recipient's and their role's live signals (the
 * notice itself is the inbox entry); wecom: the property's group robot, which needs no per-message
 * consent but takes 20 messages a minute; subscribe: a WeChat subscribe message. Throws when the
 * channel did not take it, so the outbox retries, Deferred when it cannot yet, or Settled when it never will.
 */
export const deliver = async (deps: Deps, notice: OutboxDoc, settingsOf: SettingsOf): Promise<void> => {
  const now = deps.now();
  switch (notice.channel) {
    case 'inbox':
      await bumpSignals(deps.db, [signalOf(notice)], now);
      return;
    case 'wecom': {
      const settings = await settingsOf(notice.propertyId);
      if (!settings.wecomWebhook) throw new Error('no WeCom webhook configured for this property');
      await postPaced(deps, settings.wecomWebhook, {
        msgtype: 'markdown',
        markdown: { content: `**${notice.title}**\n${notice.body}` },
      });
      return;
    }
    case 'subscribe':
      return pushSubscribe(deps, notice, settingsOf);
  }
};
