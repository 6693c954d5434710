import { zhCN as messages } from '@shared/messages/zh-CN';
import type { RepairStatus } from '@shared/model/repair.model';
import type { ComplaintStatus } from '@shared/model/complaint.model';
import StatusTag from '.';
import { complaintTones, repairTones } from './record-tones';

/** A repair's and a complaint's status, in the one tag (kept apart from it: the landing page needs neither). */
export function RepairStatusTag({ status }: { status: RepairStatus }) {
  return <StatusTag tone={repairTones[status]} label={messages.repairStatus[status]} className={`repair-status repair-status-${status}`} />;
}

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  return <StatusTag tone={complaintTones[status]} label={messages.complaintStatus[status]} className={`complaint-status complaint-status-${status}`} />;
}
