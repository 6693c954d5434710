import type { findResidents as contract } from '@shared/contracts/repairs.contract';
import { ok } from '@shared/result';
import type { MemberDoc } from '@shared/model/member.model';
import { roomId, roomLabel } from '@shared/model/property.model';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { roomsByIds } from '../_shared/rooms';
import { activeResidentsWhere } from '../_shared/membership';

const ROOM = /^(\w{1,10})-(\w{1,10})-(\w{1,10})$/;

const matching = async (input: z.infer<typeof contract.input>, { db }: Deps): Promise<MemberDoc[]> => {
  const room = ROOM.exec(input.query);
  const byRoom = room ? { roomIds: roomId(input.propertyId, room[1] ?? '', room[2] ?? '', room[3] ?? '') } : null;
  const byName = { name: db.RegExp({ regexp: `^${input.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, options: '' }) };
  return activeResidentsWhere(db, input.propertyId, byRoom ?? byName, 20);
};

/** R2: the desk finds the caller by "3-2-1502" or by name; it needs the full number to call back. The search needs only the input: it goes out with the caller's membership (issue 16), the rooms after. */
export const findResidents: Handler<typeof contract> = withPrefetch<typeof contract, MemberDoc[]>(matching, async (_input, { deps }, residents) => {
  const { db } = deps;
  const roomIds = [...new Set(residents.flatMap((r) => r.roomIds))];
  const rooms = roomIds.length ? await roomsByIds(db, roomIds, 100) : [];
  const labels = new Map(rooms.map((r) => [r._id, roomLabel(r)]));
  return ok({
    items: residents.map((r) => ({
      residentId: r._id,
      name: r.name,
      phone: r.phone,
      rooms: r.roomIds.map((id) => ({ roomId: id, label: labels.get(id) ?? id })),
    })),
  });
});
