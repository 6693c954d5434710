import * as c from '@shared/contracts/reception.contract';
import { defineFunction } from '../_shared/router';
import { groupVisits, log, planGroupVisit, receptionLog, writeResult } from '../visits/reception';

/** Issue 16: the visits area's part for the desk's reception log (V1 V2) and group visits (V3). */
export const handle = defineFunction(
  'visits-reception',
  { log: c.log, writeResult: c.writeResult, receptionLog: c.receptionLog, planGroupVisit: c.planGroupVisit, groupVisits: c.groupVisits },
  { log, writeResult, receptionLog, planGroupVisit, groupVisits },
);
