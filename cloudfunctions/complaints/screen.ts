import type { decideContent as contract } from '@shared/contracts/complaints.contract';
import type { ComplaintDoc } from '@shared/model/complaint.model';
import type { Handler } from '../_shared/router';
import { decideContent } from '../_shared/content-decision';
import { complaintStore } from '../_shared/screened-store';
import { groupsByIds } from './queries';
import { toComplaintView } from './views';

/** Issue 13 (1.9): the desk releases a complaint's held text or photo, or redacts it for good. */
export const decideComplaintContent: Handler<typeof contract> = (input, ctx) =>
  decideContent(
    ctx,
    complaintStore,
    input.complaintId,
    input,
    async (existing) => {
      const groupId = (existing as ComplaintDoc).groupId;
      const group = groupId ? (await groupsByIds(ctx.deps.db, [groupId])).get(groupId) ?? null : null;
      return (doc) => toComplaintView(doc as ComplaintDoc, ctx.member, ctx.now, group);
    },
    'COMPLAINT.NOT_FOUND',
  );
