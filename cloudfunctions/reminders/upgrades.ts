import { complaintGroupModel, complaintModel } from '@shared/model/complaint.model';
import { outboxModel } from '@shared/model/outbox.model';
import { repairModel } from '@shared/model/repair.model';
import { propertyModel } from '@shared/model/property.model';
import type { Sweep } from '../_shared/sweep';
import { ensurePropertyShadows, upgradeStored } from '../_shared/upgrade';
import { ensureCompany } from './company-upgrade';

/** The models whose later versions store a field a list filters or sorts on (see `upgradeStored`). */
const listed = [repairModel, complaintModel, complaintGroupModel, outboxModel, propertyModel];

/**
 * Brings older stored documents up to their model's version, a batch per collection each run, each
 * collection on its own; an environment from before companies up to a company (issue 14, 5); and every
 * property's copy of its status where it has none (issue 16, `ensurePropertyShadows`).
 */
export const upgradeListed = async (sweep: Sweep): Promise<number> => {
  let upgraded = (await sweep.unit('company', () => ensureCompany(sweep.deps))) ?? 0;
  upgraded += (await sweep.unit('property status copies', () => ensurePropertyShadows(sweep))) ?? 0;
  for (const model of listed) upgraded += (await sweep.unit(model.collection, () => upgradeStored(sweep, model))) ?? 0;
  return upgraded;
};
