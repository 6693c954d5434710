import { sessionActions } from '@shared/contracts/session.contract';
import { ok } from '@shared/result';
import { shiftAt } from '@shared/domain/shift.rules';
import { propertyModel, roomLabel, roomModel } from '@shared/model/property.model';
import { audienceOfRole, audienceOfUser, signalId } from '@shared/model/signal.model';
import { defineFunction } from '../_shared/router';
import { membershipsOf } from '../_shared/membership';
import { findById, parseAll } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';
import { readSignals } from '../_shared/signals';
import { uploadFolderOf } from '../_shared/storage';
import type { MemberDoc } from '@shared/model/member.model';
import { consent, stockOf } from './consent';
import { health, inbox, retryNotice } from './notices';

const signalsOf = (member: MemberDoc) => [
  signalId(member.propertyId, audienceOfUser(member.openid)),
  ...(member.role === 'resident' ? [] : [signalId(member.propertyId, audienceOfRole(member.role))]),
];

export const handle = defineFunction('session', sessionActions, {
  me: async (_input, { deps, caller }) => {
    const members = await membershipsOf(deps.db, caller.openid);
    const properties = await Promise.all(members.map((m) => findById(deps.db, propertyModel, m.propertyId)));
    return ok({
      memberships: members.map((m, i) => ({
        propertyId: m.propertyId,
        propertyName: properties[i]?.name ?? m.propertyId,
        memberId: m._id,
        role: m.role,
        name: m.name,
      })),
    });
  },

  context: async (input, { deps, member, now }) => {
    const [property, settings, rooms] = await Promise.all([
      findById(deps.db, propertyModel, input.propertyId),
      loadSettings(deps.db, input.propertyId),
      member.roomIds.length
        ? deps.db.collection('rooms').where({ _id: deps.db.command.in(member.roomIds) }).limit(100).get()
        : Promise.resolve({ data: [] as unknown[] }),
    ]);
    return ok({
      memberId: member._id,
      role: member.role,
      name: member.name,
      property: { propertyId: input.propertyId, name: property?.name ?? '', deskPhone: property?.deskPhone ?? '' },
      rooms: parseAll(roomModel, rooms.data).map((r) => ({ roomId: r._id, label: roomLabel(r) })),
      signals: signalsOf(member),
      onShift: member.role === 'desk' && shiftAt(settings.shifts, now).deskOpenids.includes(member.openid),
      uploadPrefix: uploadFolderOf(member),
      subscribe: await stockOf(deps.db, settings, member),
    });
  },

  signals: async (_input, { deps, member }) => ok({ signals: await readSignals(deps.db, signalsOf(member)) }),

  consent,
  inbox,
  health,
  retryNotice,
});
