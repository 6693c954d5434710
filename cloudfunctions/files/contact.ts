import type * as c from '@shared/contracts/files.contract';
import { failure } from '@shared/messages/failure';
import * as messages from '@shared/messages/words';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { ok } from '@shared/result';
import { applyOnce } from '../_shared/commands';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findRoom } from '../_shared/rooms';
import type { Handler } from '../_shared/router';
import { residentsOf } from './files.repo';

/**
 * P1: someone asks the desk about a household; the desk tells them nothing and sends the
 * household's residents the message instead, each in their own inbox (and pushed where subscribed).
 */
export const contact: Handler<typeof c.contact> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const [room, residents] = await Promise.all([findRoom(deps.db, input.roomId), residentsOf(deps.db, member.propertyId, input.roomId)]);
  if (!room || room.propertyId !== member.propertyId) return failure('FILE.ROOM_NOT_FOUND');
  if (!residents.length) return failure('FILE.NO_RESIDENTS');
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, 'files.contact', async (tx) => {
    queued.length = 0;
    for (const resident of residents) {
      queued.push(
        await enqueueNotice(tx, ctx.commandKey, {
          propertyId: member.propertyId,
          kind: 'file.contact',
          channel: 'inbox',
          recipient: resident.openid,
          subject: { kind: 'room', id: room._id },
          title: messages.notices['file.contact'],
          body: input.message,
          urgent: false,
        }, now),
      );
    }
    return { told: residents.length };
  });
  if (fresh) await sendNow(deps, queued);
  return ok(result);
};
