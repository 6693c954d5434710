import type { ErrorCode } from '@shared/messages';
import { quotaModel } from '@shared/model/quota.model';
import { dailyLimitOf, type LimitKind, type SettingsDoc } from '@shared/model/settings.model';
import { shanghaiDate } from '@shared/time/shanghai';
import type { Database } from './database';
import { ActionFailure } from './failures';
import { derivedId } from './ids';
import { addOnce, findById } from './repo';

/** One person's filing of one kind, counted against the property's limit for the Shanghai day. */
export interface DailyQuota {
  propertyId: string;
  /** The person's openid (a member's, or a newcomer's asking to be bound). */
  person: string;
  kind: LimitKind;
  limit: number;
  /** The command the filing is applied under: sent again, it is the same filing. */
  commandKey: string;
  now: Date;
}

/** The refusal once a kind's filings of the day are used up. */
const refusals: Record<LimitKind, ErrorCode> = {
  repairs: 'REPAIR.DAILY_LIMIT',
  complaints: 'COMPLAINT.DAILY_LIMIT',
  bookings: 'BOOKING.DAILY_LIMIT',
  bindingRequests: 'BINDING.DAILY_LIMIT',
  roomInvitations: 'ROOM_INVITATION.DAILY_LIMIT',
};

/** The quota a person's filing of `kind` is counted against, with the property's limit for it. */
export const dailyQuota = (kind: LimitKind, person: string, settings: SettingsDoc, ctx: { commandKey: string; now: Date }): DailyQuota => ({
  propertyId: settings.propertyId,
  person,
  kind,
  limit: dailyLimitOf(settings, kind),
  commandKey: ctx.commandKey,
  now: ctx.now,
});

interface Claim {
  id: string;
  key: string;
  /** This call took the place (a copy of the same command sent at once finds it taken by its command). */
  mine: boolean;
}

const take = async (db: Database, id: string, q: DailyQuota): Promise<boolean> => {
  const _ = db.command;
  const res = await db.collection('quotas').where({ _id: id, count: _.lt(q.limit), claims: _.neq(q.commandKey) }).update({ data: { count: _.inc(1), claims: _.push(q.commandKey) } });
  return (res.stats.updated ?? 0) > 0;
};

/**
 * Counters this warm instance has met (issue 16): a hint of which to try first, never a fact relied on. Bounded (emptied
 * at ten thousand); a counter removed since (`release`) is only one more round trip.
 */
const metCounters = new Set<string>();

/**
 * Takes one of the person's places for the day by one conditional update of their day's counter
 * (count below the limit, this command not yet in it), which the database applies atomically: a
 * burst of concurrent filings cannot take more places than the limit. The day's first filing
 * writes the counter with its own place already taken: one insert, one commit (issue 16). Null
 * when the day's places are used up.
 *
 * Issue 16: a counter this instance has not met is most often new (a person's filing of a kind is most often her day's
 * first): the insert is tried first, one round trip where the update first took two. One it has met is updated first.
 * Either way the other follows when the first did not take the place, so a wrong guess costs one round trip, never a
 * place.
 */
const claim = async (db: Database, q: DailyQuota): Promise<Claim | null> => {
  const date = shanghaiDate(q.now);
  const id = derivedId('qt', q.propertyId, q.person, q.kind, date);
  // Of filings that find no counter at the same moment, one insert wins and the others take a place in
  // the counter it wrote.
  const first = quotaModel.toStored({ _id: id, propertyId: q.propertyId, kind: q.kind, date, count: 1, claims: [q.commandKey] });
  const insert = async () => q.limit > 0 && (await addOnce(db, 'quotas', first));
  const update = () => take(db, id, q);
  const tries = metCounters.has(id) ? [update, insert, update] : [insert, update];
  if (metCounters.size >= 10_000) metCounters.clear();
  metCounters.add(id);
  for (const attempt of tries) if (await attempt()) return { id, key: q.commandKey, mine: true };
  const counter = await findById(db, quotaModel, id);
  return counter?.claims.includes(q.commandKey) ? { id, key: q.commandKey, mine: false } : null;
};

/** Gives the place back: the filing it was taken for did not happen. A counter left at nought goes, so a refused call writes nothing. */
const release = async (db: Database, c: Claim): Promise<void> => {
  if (!c.mine) return;
  const _ = db.command;
  await db.collection('quotas').where({ _id: c.id, claims: c.key }).update({ data: { count: _.inc(-1), claims: _.pull(c.key) } });
  await db.collection('quotas').where({ _id: c.id, count: 0 }).remove();
};

/**
 * Issue 12 (4): files under the person's daily limit, or refuses with the quota's code before
 * anything is written. `quota` null: never limited (R3 an urgent repair, R2 what the desk files).
 * Guarantee: the filings that went through on a day never exceed the limit. A filing that fails
 * gives its place back; a function that dies between taking the place and filing keeps it (the
 * person can file one fewer that day, never one more).
 */
export const withinDailyLimit = async <T>(db: Database, quota: DailyQuota | null, file: () => Promise<T>): Promise<T> => {
  if (!quota) return file();
  const taken = await claim(db, quota);
  if (!taken) throw new ActionFailure(refusals[quota.kind]);
  try {
    return await file();
  } catch (e) {
    await release(db, taken);
    throw e;
  }
};

/** A place of the day taken beside a filing's transaction (`alongsideDailyLimit`). */
export interface PlaceOfDay {
  /** Starts taking the place (once): called as the transaction's first operation is issued, so both go in one wait. */
  take(): void;
  /** The place is held: awaited last in the transaction's work, before its commit; refused, it throws the quota's code. */
  held(): Promise<void>;
}

/**
 * Issue 16: `withinDailyLimit` with the place taken while the filing's transaction runs its
 * operations, not before them. A refused place ends the transaction before its commit with the
 * quota's code, so nothing of the filing commits, and the claim itself wrote nothing. The same
 * guarantee: the filings that go through on a day never exceed the limit (the place is decided by
 * the same conditional update), and a filing that fails gives its place back.
 */
export const alongsideDailyLimit = async <T>(
  db: Database,
  quota: DailyQuota | null,
  file: (place: PlaceOfDay) => Promise<T>,
  /**
   * When the command was filed, for a result its record answered (a replay); null when this call filed it. A command
   * filed on another day gives back the place of today it took; one filed today keeps it: the place is its command's,
   * whichever copy took it.
   */
  filedAt: (result: T) => string | null = () => null,
): Promise<T> => {
  if (!quota) return file({ take: () => undefined, held: async () => undefined });
  let claimed: Promise<Claim | null> | null = null;
  const take = () => {
    claimed ??= claim(db, quota);
    // Settled here too: a filing that fails before it awaits the place leaves no rejection unhandled.
    claimed.catch(() => undefined);
    return claimed;
  };
  try {
    const result = await file({
      take: () => void take(),
      held: async () => {
        if (!(await take())) throw new ActionFailure(refusals[quota.kind]);
      },
    });
    // A command sent again on a later day took a place of that day for a filing that was made before.
    const at = filedAt(result);
    const taken = claimed && at !== null && shanghaiDate(new Date(at)) !== shanghaiDate(quota.now) ? await (claimed as Promise<Claim | null>) : null;
    if (taken) await release(db, taken);
    return result;
  } catch (e) {
    const taken = claimed ? await (claimed as Promise<Claim | null>).catch(() => null) : null;
    if (taken) await release(db, taken);
    throw e;
  }
};
