import { complaintGroupModel, complaintModel } from '@shared/model/complaint.model';
import { outboxModel } from '@shared/model/outbox.model';
import { repairModel } from '@shared/model/repair.model';
import type { Sweep } from '../_shared/sweep';
import { upgradeStored } from '../_shared/upgrade';

/** The models whose later versions store a field a list filters or sorts on (see `upgradeStored`). */
const listed = [repairModel, complaintModel, complaintGroupModel, outboxModel];

/** Brings older stored documents up to their model's version, a batch per collection each run, each collection on its own. */
export const upgradeListed = async (sweep: Sweep): Promise<number> => {
  let upgraded = 0;
  for (const model of listed) upgraded += (await sweep.unit(model.collection, () => upgradeStored(sweep, model))) ?? 0;
  return upgraded;
};
