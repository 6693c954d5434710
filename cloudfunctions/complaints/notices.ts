import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { NoticeKind } from '@shared/model/outbox.model';
import { roomLabel } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { deskOnShiftPushed, type Notice } from '../_shared/outbox';
import { placeLabel } from '@shared/messages/place-label';

interface Audience {
  /** Openids or role audiences told in the app. */
  inbox: readonly string[];
  /** The desk clerks on shift, pushed the desk's notice by name (R2, D3). */
  onShift?: readonly string[];
  /** Also posted to the property's staff group (WeCom), which needs no consent per message. */
  group: boolean;
}

const subjectOf = (c: ComplaintDoc | ComplaintGroupDoc) =>
  'memberIds' in c ? { kind: 'complaintGroup', id: c._id } : { kind: 'complaint', id: c._id };

export const complaintNotices = (
  c: ComplaintDoc | ComplaintGroupDoc,
  kind: NoticeKind,
  body: string,
  to: Audience,
  hasGroup: boolean,
): Notice[] => {
  const where = 'address' in c ? roomLabel(c.address) : `${placeLabel(c.place)} · ${format(messages.complaintTexts.households, { n: c.roomIds.length })}`;
  const base = {
    propertyId: c.propertyId,
    kind,
    subject: subjectOf(c),
    title: `${c.urgency === 'top' ? `${messages.urgency.top} · ` : ''}${messages.notices[kind]} · ${where}`,
    body: `${messages.complaintCategories[c.category]}：${body}`,
    urgent: c.urgency === 'top',
  };
  return [
    ...[...new Set(to.inbox)].map((recipient) => ({ ...base, channel: 'inbox' as const, recipient, ...deskOnShiftPushed(recipient, to.onShift ?? []) })),
    ...(to.group && hasGroup ? [{ ...base, channel: 'wecom' as const, recipient: 'group' }] : []),
  ];
};

/** C4: a major or group complaint reaches the manager at once, in the app and on the staff group. */
export const majorAudience = (): Audience => ({
  inbox: [audienceOfRole('manager'), audienceOfRole('supervisor'), audienceOfRole('desk')],
  group: true,
});
