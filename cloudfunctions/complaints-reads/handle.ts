import * as c from '@shared/contracts/complaints.contract';
import { defineFunction } from '../_shared/router';
import { getCase, inbox, listMine } from '../complaints/queries';
import { registerOf, signRegister } from '../complaints/register';
import { figures } from '../complaints/figures';
import { rate } from '../complaints/rate';
import { decideComplaintContent } from '../complaints/screen';

/**
 * Issue 16: the complaints area's part for the follow-up: a resident's complaints, one case, the desk's inbox, the
 * register (C6) with its signing, the figures, the resident's rating of the handling, and the desk's decision on content
 * the screening held (beside the inbox that shows it; complaints-desk, which handles the case, is near its 120 KB ceiling).
 */
export const handle = defineFunction(
  'complaints-reads',
  { listMine: c.listMine, get: c.get, inbox: c.inbox, registerOf: c.registerOf, signRegister: c.signRegister, figures: c.figures, rate: c.rate, decideContent: c.decideContent },
  { listMine, get: getCase, inbox, registerOf, signRegister, figures, rate, decideContent: decideComplaintContent },
);
