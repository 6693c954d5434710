import type * as c from '@shared/contracts/keys.contract';
import { reconcileDay } from '@shared/domain/key.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import type { DepositDayDoc } from '@shared/model/key.model';
import { shanghaiDate } from '@shared/time/shanghai';
import type { Database } from '../_shared/database';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { depositDayIdOf, findDepositDay, loansOfDepositDay, writeDepositDay } from './keys.repo';

const signedOf = (d: DepositDayDoc | null) => (d ? { by: d.signedBy, at: d.signedAt, remarks: d.remarks } : null);

/** K2: a day's deposits, always reckoned from the stored loans; the signed figures are kept beside them. */
const reckon = async (db: Database, propertyId: string, date: string) => reconcileDay(await loansOfDepositDay(db, propertyId, date), date);

export const deposits: Handler<typeof c.deposits> = async (input, { deps }) => {
  const [day, signed] = await Promise.all([reckon(deps.db, input.propertyId, input.date), findDepositDay(deps.db, input.propertyId, input.date)]);
  return ok({ date: input.date, ...day, signed: signedOf(signed) });
};

/** K2: the day's signature, if any, and its reckoning: they need only the input, so they go with the membership (issue 16). */
const signDepositsReads = (input: { propertyId: string; date: string }, deps: Deps) =>
  Promise.all([findDepositDay(deps.db, input.propertyId, input.date), reckon(deps.db, input.propertyId, input.date)]);

/** K2: the supervisor signs a day's reconciliation (today's or an earlier day's); the first signature stands. */
export const signDeposits: Handler<typeof c.signDeposits> = /* @__PURE__ */ withPrefetch<typeof c.signDeposits, Awaited<ReturnType<typeof signDepositsReads>>>(
  signDepositsReads,
  async (input, ctx, [stored, day]) => {
    const { member, now } = ctx;
    if (input.date > shanghaiDate(now)) return failure('KEY.DAY_AHEAD');
    if (stored) return failure('KEY.ALREADY_SIGNED');
    const { result } = await applyOnce(ctx, 'keys.signDeposits', async (tx) => {
      const signed = await writeDepositDay(tx, {
        _id: depositDayIdOf(member.propertyId, input.date),
        propertyId: member.propertyId,
        schemaVersion: 1,
        date: input.date,
        ...day,
        remarks: input.remarks,
        signedBy: member.name,
        signedAt: now.toISOString(),
      });
      return { date: input.date, ...day, signed: signedOf(signed) };
    });
    return ok(result);
  },
);
