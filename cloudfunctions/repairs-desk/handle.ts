import * as c from '@shared/contracts/repairs.contract';
import { defineFunction } from '../_shared/router';
import { inbox } from '../repairs/queries';
import { suggestTechnicians } from '../repairs/technicians';
import { dispatchRepair } from '../repairs/dispatch';
import { decideRepairContent } from '../repairs/screen';

/** Issue 16: the repairs area's part for the desk's handling: the inbox, the technicians suggested, the dispatch, and the decision on content the screening held. */
export const handle = defineFunction(
  'repairs-desk',
  { inbox: c.inbox, technicians: c.technicians, dispatch: c.dispatch, decideContent: c.decideContent },
  { inbox, technicians: suggestTechnicians, dispatch: dispatchRepair, decideContent: decideRepairContent },
);
