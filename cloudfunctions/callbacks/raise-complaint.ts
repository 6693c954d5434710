import type { raiseComplaint as contract } from '@shared/contracts/callbacks.contract';
import { failure } from '@shared/messages/failure';
import type { CallbackDoc } from '@shared/model/callback.model';
import type { MemberDoc } from '@shared/model/member.model';
import type { Database } from '../_shared/database';
import { withPrefetch, type Handler } from '../_shared/router';
import { ActionFailure } from '../_shared/failures';
import { membershipIn } from '../_shared/membership';
import { findComplaint } from '../_shared/complaints.repo';
import { fileComplaint } from '../complaints/exports';
import { roomOfRepair } from '../_shared/repairs.repo';
import { findCallback, markRaisedInTx, readCallbackInTx } from '../_shared/callbacks';

/** The room of the work order or complaint the callback follows (null: gone); undefined when it follows neither. */
const subjectRoomOf = async (db: Database, cb: CallbackDoc): Promise<string | null | undefined> => {
  if (cb.subject.kind === 'repair') return roomOfRepair(db, cb.subject.id);
  if (cb.subject.kind === 'complaint') return (await findComplaint(db, cb.subject.id))?.roomId ?? null;
  return undefined;
};

/**
 * B3: a problem the resident raised in a callback that is a complaint becomes a complaint record in
 * one step: filed for them by phone (the desk apologised on the call), entered in the day's register
 * and handled like any other, and the callback records which complaint it became, in the same
 * transaction.
 */
export const raiseComplaint: Handler<typeof contract> = /* @__PURE__ */ withPrefetch<typeof contract, Subject | null>(
  // Issue 16: the callback, then its resident and room, follow from the input alone: read beside the membership.
  async (input, deps) => {
    const cb = await findCallback(deps.db, input.callbackId);
    if (!cb) return null;
    const [resident, subjectRoom] = await Promise.all([membershipIn(deps.db, cb.propertyId, cb.residentOpenid), subjectRoomOf(deps.db, cb)]);
    return { cb, resident, subjectRoom };
  },
  async (input, ctx, subject) => raiseFor(input, ctx, subject),
);

interface Subject {
  cb: CallbackDoc;
  resident: MemberDoc | null;
  subjectRoom: string | null | undefined;
}

const raiseFor = async (input: Parameters<Handler<typeof contract>>[0], ctx: Parameters<Handler<typeof contract>>[1], subject: Subject | null) => {
  const { member, now } = ctx;
  const cb = subject?.cb;
  if (!cb || cb.propertyId !== member.propertyId) return failure('CALLBACK.NOT_FOUND');
  if (cb.complaintId) return failure('CALLBACK.ALREADY_RAISED');
  const { resident, subjectRoom } = subject;
  if (!resident || resident.status !== 'active') return failure('COMPLAINT.RESIDENT_NOT_FOUND');
  const roomId = subjectRoom === undefined ? (resident.roomIds[0] ?? null) : subjectRoom;
  if (!roomId) return failure('COMPLAINT.ROOM_NOT_YOURS');
  return fileComplaint(
    {
      action: 'callbacks.raiseComplaint',
      resident,
      roomId,
      category: input.category,
      place: input.place,
      occurredAt: now.toISOString(),
      target: input.target,
      description: input.description,
      request: input.request,
      residentDeadline: null,
      photos: [],
      channel: 'phone',
      phone: cb.phone,
      callRecord: { callerName: cb.residentName, phone: cb.phone, receivedAt: now.toISOString(), recorder: member.name },
      apologised: true,
      commandId: input.commandId,
      deviceTime: input.deviceTime,
    },
    ctx,
    {
      also: async (tx, complaint) => {
        const current = await readCallbackInTx(tx, cb._id);
        if (current.complaintId) throw new ActionFailure('CALLBACK.ALREADY_RAISED');
        await markRaisedInTx(tx, cb._id, complaint._id);
      },
      answer: (_view, complaint) => ({ callbackId: cb._id, complaintId: complaint._id }),
    },
  );
};
