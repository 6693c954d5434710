import type { repairsActions } from '@shared/contracts/repairs.contract';
import { defineFunction } from '../_shared/router';
import { createRepair } from './create';
import { assigned, getRepair, inbox, listMine } from './queries';
import { suggestTechnicians } from './technicians';
import { dispatchRepair } from './dispatch';

export const handle = defineFunction<typeof repairsActions>('repairs', {
  create: createRepair,
  listMine,
  get: getRepair,
  inbox,
  assigned,
  technicians: suggestTechnicians,
  dispatch: dispatchRepair,
});
