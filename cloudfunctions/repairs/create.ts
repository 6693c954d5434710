import type { create } from '@shared/contracts/repairs.contract';
import { failure, messages } from '@shared/messages';
import { ok } from '@shared/result';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { birth } from '@shared/domain/state-machine';
import { repairMachine } from '@shared/domain/repair.machine';
import { triageRepair } from '@shared/domain/triage.rules';
import { shiftAt } from '@shared/domain/shift.rules';
import { lifeDefaults, repairModel, type RepairDoc } from '@shared/model/repair.model';
import { roomModel, roomLabel } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { enqueueNotice, sendNow, type Notice } from '../_shared/outbox';
import { derivedId } from '../_shared/ids';
import { findById, withoutId } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';
import { ownsFile } from '../_shared/storage';
import { toView } from './views';

/** R1–R3: a resident files a repair; it is triaged, recorded with its first event, and the desk on shift is told. */
export const createRepair: Handler<typeof create> = async (input, ctx) => {
  const { member, deps, now } = ctx;
  if (!member.roomIds.includes(input.roomId)) return failure('REPAIR.ROOM_NOT_YOURS');
  if (!input.photos.every((fileId) => ownsFile(ctx.caller.openid, fileId))) return failure('REPAIR.PHOTO_NOT_YOURS');
  const [room, settings] = await Promise.all([findById(deps.db, roomModel, input.roomId), loadSettings(deps.db, member.propertyId)]);
  if (!room || room.propertyId !== member.propertyId) return failure('REPAIR.ROOM_NOT_YOURS');
  const triage = triageRepair(input.category, input.description);
  const repair = repairModel.toStored({
    _id: derivedId('rp', ctx.commandKey),
    propertyId: member.propertyId,
    status: 'submitted',
    version: 1,
    residentOpenid: member.openid,
    residentName: member.name,
    phone: member.phone,
    roomId: room._id,
    address: { building: room.building, unit: room.unit, room: room.room },
    category: input.category,
    description: input.description,
    preferredTime: input.preferredTime,
    photos: input.photos,
    channel: 'miniprogram',
    triage,
    priority: triage.urgent ? 'urgent' : 'normal',
    technician: null,
    dispatchedAt: null,
    createdBy: { openid: member.openid, role: member.role },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...lifeDefaults(now.toISOString()),
  });
  const event = birth(repairMachine, 'submit', 'submitted', {
    actor: member.openid,
    role: member.role,
    now,
    deviceTime: input.deviceTime,
  });
  const notices = newRepairNotices(repair, shiftAt(settings.shifts, now).deskOpenids, settings.wecomWebhook !== null);

  const queued: OutboxDoc[] = [];
  const { result: view, fresh } = await applyOnce(ctx, 'repairs.create', async (tx) => {
    queued.length = 0;
    await tx.collection('repairs').doc(repair._id).set({ data: withoutId(repair) });
    await appendEvent(tx, { kind: 'repair', id: repair._id, propertyId: repair.propertyId }, event, input.commandId);
    for (const notice of notices) queued.push(await enqueueNotice(tx, repair._id, notice, now));
    return toView(repair, member, now);
  });
  if (fresh) await sendNow(deps, queued);
  return ok(view);
};

/** The desk queue changes for everyone; the member on shift is told personally; urgent ones also reach the staff group. */
const newRepairNotices = (repair: RepairDoc, onShift: readonly string[], hasGroup: boolean): Notice[] => {
  const urgent = repair.priority === 'urgent';
  const rule = repair.triage.rule ? `（${repair.triage.rule} ${messages.triageRules[repair.triage.rule]}）` : '';
  const base = {
    propertyId: repair.propertyId,
    kind: 'repair.new' as const,
    subject: { kind: 'repair', id: repair._id },
    title: `${urgent ? messages.priority.urgent : messages.notices['repair.new']} · ${roomLabel(repair.address)}`,
    body: `${messages.categories[repair.category]}：${repair.description}${rule}`,
    urgent,
  };
  const recipients = [audienceOfRole('desk'), ...onShift, ...(urgent ? [audienceOfRole('supervisor')] : [])];
  return [
    ...recipients.map((recipient) => ({ ...base, channel: 'inbox' as const, recipient })),
    ...(urgent && hasGroup ? [{ ...base, channel: 'wecom' as const, recipient: 'group' }] : []),
  ];
};
