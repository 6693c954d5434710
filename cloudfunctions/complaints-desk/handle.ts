import * as c from '@shared/contracts/complaints.contract';
import { defineFunction } from '../_shared/router';
import * as steps from '../complaints/steps';

/**
 * Issue 16: the complaints area's part for the desk's handling: the case's steps (classify, the slip, acknowledge,
 * reply). The decision on content the screening held is complaints-reads' (this bundle is near its 120 KB ceiling).
 */
export const handle = defineFunction(
  'complaints-desk',
  { classify: c.classify, issueSlip: c.issueSlip, acknowledge: c.acknowledge, reply: c.reply },
  { classify: steps.classify, issueSlip: steps.issueSlip, acknowledge: steps.acknowledge, reply: steps.reply },
);
