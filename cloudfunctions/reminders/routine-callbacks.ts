import { monthSpan } from '@shared/domain/callback-figures.rules';
import { callbackDeadline } from '@shared/domain/deadline.rules';
import { pickRoutine } from '@shared/domain/routine-callbacks.rules';
import { callbackModel } from '@shared/model/callback.model';
import type { MemberDoc } from '@shared/model/member.model';
import { roomLabelOfId, type PropertyDoc } from '@shared/model/property.model';
import { inShanghai } from '@shared/time/shanghai';
import { openDeadline } from '../_shared/deadlines';
import { derivedId } from '../_shared/ids';
import { planCallbackOnce } from '../_shared/callbacks';
import { TIMER } from '../_shared/timer-actor';
import type { Sweep } from '../_shared/sweep';
import { loadSettings } from '../_shared/settings';
import { hasMarker, writeMarker } from '../_shared/environment';
import { activeResidentsByName } from '../_shared/membership';

const PLANNING_DAYS = 3;

const markerOf = (propertyId: string, month: string) => `routine-${propertyId}-${month}`;

/** Every (resident, building) pair: a household is counted in each building it has a room in. */
const householdsOf = (residents: readonly MemberDoc[]) =>
  residents.flatMap((m) => [...new Set(m.roomIds.map((id) => roomLabelOfId(id).split('-')[0] ?? ''))].map((building) => ({ memberId: m._id, building })));

/** B1 B2: one property's routine callbacks for the month, then its marker; answers how many were created. */
const planForProperty = async (sweep: Sweep, property: PropertyDoc, month: string): Promise<number> => {
  const { db } = sweep.deps;
  const now = sweep.deps.now();
  const { to } = monthSpan(month);
  const marker = markerOf(property._id, month);
  if (await hasMarker(db, marker)) return 0;
  const [residents, settings] = await Promise.all([
    activeResidentsByName(db, property._id, sweep.readAll),
    loadSettings(sweep.deps, property._id),
  ]);
  const byId = new Map(residents.map((m) => [m._id, m]));
  let created = 0;
  for (const { memberId, building } of pickRoutine(householdsOf(residents), month)) {
    const m = byId.get(memberId);
    const roomId = m?.roomIds.find((id) => roomLabelOfId(id).startsWith(`${building}-`));
    if (!m || !roomId) continue;
    const doc = callbackModel.toStored({
      _id: derivedId('cb', 'routine', month, memberId, building),
      propertyId: property._id,
      kind: 'routine',
      assignee: 'desk',
      reason: 'routine',
      subject: { kind: 'member', id: memberId },
      status: 'open',
      version: 1,
      residentOpenid: m.openid,
      residentName: m.name,
      phone: m.phone,
      address: roomLabelOfId(roomId),
      dueAt: to.toISOString(),
      outcome: null,
      createdAt: now.toISOString(),
    });
    // The id is the task's own (its order's, or the month's and the member's): planned once, however many runs.
    const planned = await planCallbackOnce(db, doc, { ...TIMER, now }, (tx) =>
      openDeadline(tx, { kind: 'callback', id: doc._id, propertyId: property._id }, callbackDeadline(now, to, 'desk', settings), now),
    );
    if (!planned) continue;
    created++;
  }
  await writeMarker(db, marker, { kind: 'routine', at: now.toISOString() });
  return created;
};

/**
 * B1 B2: at the start of each month (its first three days), the routine callbacks of every
 * property, a few households per building, due by the month's end. Each task's id is the month's and
 * the member's, and a marker per property and month makes it one pass. Each property is a unit of its own.
 */
export const planRoutineCallbacks = async (sweep: Sweep): Promise<{ created: number }> => {
  const now = sweep.deps.now();
  // Planned at the start of the month; the first three days, so a timer that was down on the 1st still plans.
  if (inShanghai(now).date() > PLANNING_DAYS) return { created: 0 };
  const month = inShanghai(now).format('YYYY-MM');
  const properties = (await sweep.properties()).open;
  let created = 0;
  for (const property of properties) created += (await sweep.unit(`property ${property._id}`, () => planForProperty(sweep, property, month))) ?? 0;
  return { created };
};
