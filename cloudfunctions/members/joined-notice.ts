import { maskPhone } from '@shared/domain/phone';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import type { BindingDoc } from '@shared/model/binding.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { roomLabel } from '@shared/model/property.model';
import type { Database, Tx } from '../_shared/database';
import { enqueueNotice } from '../_shared/outbox';
import { notice } from './bindings';
import { findMember } from '../_shared/membership';

/** The owner who invited the applicant, as a recipient: her openid stays on the server; null when she asked on her own or the owner is gone. */
export const inviterOf = async (db: Database, b: Pick<BindingDoc, 'invitedBy'>): Promise<string | null> => {
  if (!b.invitedBy) return null;
  const owner = await findMember(db, b.invitedBy.memberId);
  return owner?.status === 'active' ? owner.openid : null;
};

/**
 * Issue 18 (5): the owner is told her invitee is bound ("孙丽（家属，138****1020）已加入 1-1-101"),
 * written with the binding in its transaction so the notice exists exactly when the binding does;
 * the outbox sends it after the commit and retries a failed push.
 */
export const tellInviter = async (tx: Tx, bound: BindingDoc, inviter: string | null, now: Date): Promise<OutboxDoc[]> => {
  if (!inviter || bound.status !== 'approved') return [];
  const body = format(messages.memberTexts.bindingJoined, {
    name: bound.name,
    relation: messages.relations[bound.relation],
    phone: maskPhone(bound.phone),
    address: roomLabel(bound.address),
  });
  return [await enqueueNotice(tx, `${bound._id}@${bound.version}`, notice(bound, 'binding.joined', inviter, body), now)];
};
