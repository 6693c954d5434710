import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { complaintLineText } from '@shared/messages/complaint-notice-text';
import { complaintNoticeWords } from '@shared/messages/complaint-notices.zh-CN';
import { residentComplaintLine, type CaseFacts, type ComplaintStep } from '@shared/domain/complaint-notice.rules';
import type { ComplaintDoc } from '@shared/model/complaint.model';
import { roomLabel } from '@shared/model/property.model';
import type { Notice } from '../_shared/outbox';

/**
 * Issue 18 (3): the resident's notice of one step of her complaint: the line says who handles it and
 * by when (C4, C7), the title names the complaint (her inbox threads by it), and the facts are what a
 * subscribe message's own fields show. `facts` is the case the step leaves: her complaint, or the
 * group it joined (C3), whose clock then runs for her too.
 */
export const residentComplaintNotice = (step: ComplaintStep, c: ComplaintDoc, facts: CaseFacts, at: Date): Notice => {
  const room = roomLabel(c.address);
  return {
    propertyId: c.propertyId,
    kind: 'complaint.changed',
    channel: 'inbox',
    recipient: c.residentOpenid,
    subject: { kind: 'complaint', id: c._id },
    title: format(complaintNoticeWords.title, { category: messages.complaintCategories[c.category], room }),
    body: complaintLineText(residentComplaintLine(step, facts, at)),
    urgent: c.urgency === 'top',
    facts: { address: room, status: messages.complaintStatus[c.status] },
  };
};
