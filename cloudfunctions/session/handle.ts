import { sessionActions } from '@shared/contracts/session.contract';
import { ok } from '@shared/result';
import { shiftAt } from '@shared/domain/shift.rules';
import { roomLabel } from '@shared/model/property.model';
import { audienceOfRole, audienceOfUser, signalId } from '@shared/model/signal.model';
import { defineFunction } from '../_shared/router';
import { roomsByIds } from '../_shared/rooms';
import { findProperty } from '../_shared/properties';
import { loadSettings } from '../_shared/settings';
import { readSignals } from '../_shared/signals';
import { uploadFolderOf } from '../_shared/storage';
import type { MemberDoc } from '@shared/model/member.model';
import { consent, stockOf } from './consent';
import { membershipViews } from './memberships';
import { health, inbox, retryNotice } from './notices';
import { waiting } from './waiting';
import { markRead } from './read-marks';

const signalsOf = (member: MemberDoc) => [
  signalId(member.propertyId, audienceOfUser(member.openid)),
  ...(member.role === 'resident' ? [] : [signalId(member.propertyId, audienceOfRole(member.role))]),
];

export const handle = defineFunction('session', sessionActions, {
  me: async (_input, { deps, caller }) => ok({ memberships: await membershipViews(deps.db, caller.openid) }),

  context: async (input, { deps, member, now }) => {
    // The subscribe stock needs only the settings: it is read as soon as they answer, beside the memberships' properties.
    const settingsRead = loadSettings(deps, input.propertyId);
    const [property, settings, memberships, rooms, subscribe] = await Promise.all([
      findProperty(deps.db, input.propertyId),
      settingsRead,
      membershipViews(deps.db, member.openid),
      member.roomIds.length
        ? roomsByIds(deps.db, member.roomIds, 100)
        : Promise.resolve([]),
      settingsRead.then((read) => stockOf(deps.db, read, member)),
    ]);
    return ok({
      memberId: member._id,
      role: member.role,
      name: member.name,
      // The company (an administrator's scope) is no property: it is named by its membership.
      property: {
        propertyId: input.propertyId,
        name: property?.name ?? memberships.find((m) => m.propertyId === input.propertyId)?.propertyName ?? '',
        deskPhone: property?.deskPhone ?? '',
        active: property?.status !== 'inactive',
      },
      memberships,
      rooms: rooms.map((r) => ({ roomId: r._id, label: roomLabel(r) })),
      signals: signalsOf(member),
      onShift: member.role === 'desk' && shiftAt(settings.shifts, now).deskOpenids.includes(member.openid),
      uploadPrefix: uploadFolderOf(member),
      subscribe,
    });
  },

  signals: async (_input, { deps, member }) => ok({ signals: await readSignals(deps.db, signalsOf(member)) }),

  consent,
  inbox,
  markRead,
  health,
  retryNotice,
  waiting,
});
