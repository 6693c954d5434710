import type * as c from '@shared/contracts/keys.contract';
import { reconcileDay } from '@shared/domain/key.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import type { DepositDayDoc } from '@shared/model/key.model';
import { shanghaiDate } from '@shared/time/shanghai';
import type { Database } from '../_shared/database';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { depositDayIdOf, findDepositDay, loansOfDepositDay, writeDepositDay } from './keys.repo';

const signedOf = (d: DepositDayDoc | null) => (d ? { by: d.signedBy, at: d.signedAt, remarks: d.remarks } : null);

/** K2: a day's deposits, always reckoned from the stored loans; the signed figures are kept beside them. */
const reckon = async (db: Database, propertyId: string, date: string) => reconcileDay(await loansOfDepositDay(db, propertyId, date), date);

export const deposits: Handler<typeof c.deposits> = async (input, { deps }) => {
  const [day, signed] = await Promise.all([reckon(deps.db, input.propertyId, input.date), findDepositDay(deps.db, input.propertyId, input.date)]);
  return ok({ date: input.date, ...day, signed: signedOf(signed) });
};

/** K2: the supervisor signs a day's reconciliation (today's or an earlier day's); the first signature stands. */
export const signDeposits: Handler<typeof c.signDeposits> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  if (input.date > shanghaiDate(now)) return failure('KEY.DAY_AHEAD');
  if (await findDepositDay(deps.db, member.propertyId, input.date)) return failure('KEY.ALREADY_SIGNED');
  const day = await reckon(deps.db, member.propertyId, input.date);
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
};
