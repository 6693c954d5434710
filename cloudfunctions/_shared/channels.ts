import { audienceOfUser } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from './deps';
import { loadSettings } from './settings';
import { bumpSignal } from './signals';

/**
 * Delivers one notice on its channel. inbox: the recipient's and their role's live signals (the
 * notice itself is the inbox entry); wecom: the property's group robot, which needs no per-message
 * consent. Throws when the channel did not take it, so the outbox retries.
 */
export const deliver = async (deps: Deps, notice: OutboxDoc): Promise<void> => {
  const now = deps.now();
  switch (notice.channel) {
    case 'inbox': {
      const audience = notice.recipient.startsWith('role:') ? notice.recipient : audienceOfUser(notice.recipient);
      await bumpSignal(deps.db, notice.propertyId, audience, now);
      return;
    }
    case 'wecom': {
      const settings = await loadSettings(deps.db, notice.propertyId);
      if (!settings.wecomWebhook) throw new Error('no WeCom webhook configured for this property');
      await deps.postWebhook(settings.wecomWebhook, {
        msgtype: 'markdown',
        markdown: { content: `**${notice.title}**\n${notice.body}` },
      });
      return;
    }
  }
};
