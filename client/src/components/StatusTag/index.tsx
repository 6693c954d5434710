import { Text } from '@tarojs/components';
import { messages } from '@shared/messages';
import type { RepairStatus } from '@shared/model/repair.model';

export default function StatusTag({ status }: { status: RepairStatus }) {
  return <Text className={`status status-${status} repair-status`}>{messages.repairStatus[status]}</Text>;
}
