import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { RegisterRow } from '../../../hooks/useComplaints';
import { ComplaintStatusTag } from '../../../components/StatusTag/records';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { classLabel } from '../../../utils/complaint-labels';
import { go, routes } from '../../../utils/routes';

/** One line of the 投诉信息登记表: when, who, how, about what and whom, and how far it got. */
export default function RegisterRowCard({ row }: { row: RegisterRow }) {
  const t = supervisorUi.complaintRegister;
  return (
    <View id={`register-row-${row.id}`} className='card register-row' onClick={() => go(routes.deskComplaint({ kind: 'complaint', id: row.id }))}>
      <View className='register-row-head'>
        <Text className='register-row-when'>{formatStamp(row.createdAt)}</Text>
        <View className='register-row-tags'>
          {row.classification && <Text className='badge badge-normal badge-class'>{classLabel(row.classification)}</Text>}
          {row.groupId && <Text className='badge badge-group'>{t.grouped}</Text>}
          <ComplaintStatusTag status={row.status} />
        </View>
      </View>
      <Text className='register-row-who'>{`${row.address} ${row.residentName} · ${messages.complaintChannels[row.channel]}`}</Text>
      <Text className='register-row-what'>{[messages.complaintCategories[row.category], row.target].filter(Boolean).join(' · ')}</Text>
      <Text className='register-row-description'>{row.description}</Text>
      {row.slip && <Text className='muted register-row-slip'>{fill(t.slip, { department: row.slip.department, assignee: row.slip.assignee })}</Text>}
      {row.resolvedAt && <Text className='muted register-row-resolved'>{fill(t.resolved, { when: formatStamp(row.resolvedAt) })}</Text>}
    </View>
  );
}
