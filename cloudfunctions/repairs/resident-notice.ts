import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { residentLineText } from '@shared/messages/resident-notice-text';
import { residentNoticeWords } from '@shared/messages/resident-notices.zh-CN';
import { residentRepairLine } from '@shared/domain/resident-notice.rules';
import type { RepairAction } from '@shared/domain/repair.machine';
import type { RepairDoc } from '@shared/model/repair.model';
import { repairWhere } from '@shared/messages/place-label';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { Notice } from '../_shared/outbox';

/**
 * Issue 18 (3): the resident's notice of one step of her repair: the line names the technician and
 * the time, the title names the repair (her inbox threads by it), and the facts are what a subscribe
 * message's own fields show (the room, the status, the technician, the amount). Null for her own filing,
 * and for a public place's repair nobody reported (issue 18, 5): there is nobody to tell.
 */
export const residentNotice = (action: RepairAction, after: RepairDoc, settings: SettingsDoc, at: Date): Notice | null => {
  const line = residentRepairLine(action, after, settings, at);
  if (!line || after.residentOpenid === null) return null;
  const room = repairWhere(after);
  return {
    propertyId: after.propertyId,
    // A dispatch keeps its own kind, as before: the resident's one-time push is kept for the technician's pick-up, which says when he calls.
    kind: action === 'dispatch' || action === 'reassign' ? 'repair.dispatched' : 'repair.changed',
    channel: 'inbox',
    recipient: after.residentOpenid,
    subject: { kind: 'repair', id: after._id },
    title: format(residentNoticeWords.title, { category: messages.categories[after.category], room }),
    body: residentLineText(line),
    urgent: after.priority === 'urgent',
    facts: {
      address: room,
      status: messages.repairStatus[after.status],
      ...(after.technician ? { name: after.technician.name } : {}),
      ...(line.amountFen !== undefined ? { amountFen: line.amountFen } : {}),
    },
  };
};
