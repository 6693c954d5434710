import * as c from '@shared/contracts/repairs.contract';
import { defineFunction } from '../_shared/router';
import { getRepair, listMine } from '../repairs/queries';
import { fees, scorecards, summary } from '../repairs/scorecards';

/** Issue 16: the repairs area's part for reading: a resident's repairs, one repair, and the figures (the fees, the technicians' scorecards, the summary). */
export const handle = defineFunction(
  'repairs-reads',
  { listMine: c.listMine, get: c.get, fees: c.fees, scorecards: c.scorecards, summary: c.summary },
  { listMine, get: getRepair, fees, scorecards, summary },
);
