import type { decideContent as contract } from '@shared/contracts/repairs.contract';
import type { RepairDoc } from '@shared/model/repair.model';
import type { Handler } from '../_shared/router';
import { decideContent } from '../_shared/content-decision';
import { repairStore } from '../_shared/screened-store';
import { toView } from './views';

/** Issue 13 (1.9): the desk releases a repair's held description or photo to its technician, or redacts it. */
export const decideRepairContent: Handler<typeof contract> = (input, ctx) =>
  decideContent(ctx, repairStore, input.repairId, input, async () => (doc) => toView(doc as RepairDoc, ctx.member, ctx.now), 'REPAIR.NOT_FOUND');
