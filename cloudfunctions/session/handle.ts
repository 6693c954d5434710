import { sessionActions } from '@shared/contracts/session.contract';
import { ok } from '@shared/result';
import { shiftAt } from '@shared/domain/shift.rules';
import { roomLabel } from '@shared/model/property.model';
import { audienceOfRole, audienceOfUser, signalId } from '@shared/model/signal.model';
import { defineFunction, withPrefetch } from '../_shared/router';
import { roomsByIds } from '../_shared/rooms';
import type { Caller, Deps } from '../_shared/deps';
import { membershipsOf } from '../_shared/membership';
import { loadSettings } from '../_shared/settings';
import { readSignals } from '../_shared/signals';
import { uploadFolderOf } from '../_shared/storage';
import type { MemberDoc } from '@shared/model/member.model';
import { consent, stockOf } from './consent';
import { messageTests } from './message-tests';
import { membershipViews, placesOf } from './memberships';
import { health, inbox, retryNotice } from './notices';
import { waiting } from './waiting';
import { markRead } from './read-marks';

const signalsOf = (member: MemberDoc) => [
  signalId(member.propertyId, audienceOfUser(member.openid)),
  ...(member.role === 'resident' ? [] : [signalId(member.propertyId, audienceOfRole(member.role))]),
];

/**
 * Issue 16: what session.context needs from its input and the caller alone (the property's settings, the
 * caller's memberships by the platform's OPENID) goes out with the router's membership read; the rooms,
 * the places' names and the subscribe stock in the second wait. Memberships are read on every call.
 */
const contextReads = (input: { propertyId: string }, deps: Deps, caller: Caller) =>
  Promise.all([loadSettings(deps, input.propertyId), membershipsOf(deps.db, caller.openid)]);

export const handle = defineFunction('session', sessionActions, {
  me: async (_input, { deps, caller }) => ok({ memberships: await membershipViews(deps.db, caller.openid) }),

  context: withPrefetch<typeof sessionActions.context, Awaited<ReturnType<typeof contextReads>>>(contextReads, async (input, { deps, member, now }, [settings, mine]) => {
    // The router authorised the caller from its own read of the membership: `mine` (read beside it) only names their places.
    const [places, rooms, subscribe] = await Promise.all([
      placesOf(deps.db, mine, [input.propertyId]),
      member.roomIds.length ? roomsByIds(deps.db, member.roomIds, 100) : Promise.resolve([]),
      stockOf(deps.db, settings, member),
    ]);
    const property = places.properties.get(input.propertyId);
    return ok({
      memberId: member._id,
      role: member.role,
      name: member.name,
      // The company (an administrator's scope) is no property: it is named by its membership.
      property: {
        propertyId: input.propertyId,
        name: property?.name ?? places.views.find((m) => m.propertyId === input.propertyId)?.propertyName ?? '',
        deskPhone: property?.deskPhone ?? '',
        active: property?.status !== 'inactive',
      },
      memberships: places.views,
      rooms: rooms.map((r) => ({ roomId: r._id, label: roomLabel(r) })),
      signals: signalsOf(member),
      onShift: member.role === 'desk' && shiftAt(settings.shifts, now).deskOpenids.includes(member.openid),
      uploadPrefix: uploadFolderOf(member),
      subscribe,
    });
  }),

  signals: async (_input, { deps, member }) => ok({ signals: await readSignals(deps.db, signalsOf(member)) }),

  consent,
  inbox,
  markRead,
  health,
  retryNotice,
  waiting,
}, messageTests);
