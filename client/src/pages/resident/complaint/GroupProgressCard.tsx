import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { ComplaintView } from '../../../hooks/useComplaints';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';

type Group = NonNullable<ComplaintView['group']>;

/** C3: the group her complaint joined: how many households, how far it got, its reply; never who the others are. */
export default function GroupProgressCard({ group }: { group: Group }) {
  const t = residentUi.complaintDetail;
  return (
    <View className='card group-progress'>
      <Text className='section-title'>{t.groupTitle}</Text>
      <Text className='group-households'>{fill(t.groupHouseholds, { n: group.households })}</Text>
      <Text className='group-status'>{fill(t.groupStatus, { status: messages.complaintStatus[group.status] })}</Text>
      {group.managerAck && <Text className='muted group-ack'>{t.groupAck}</Text>}
      {group.reply && (
        <View className='group-reply'>
          <Text className='reply-content'>{group.reply.content}</Text>
          <Text className='muted reply-form'>
            {fill(t.replyLine, { form: messages.replyForms[group.reply.form], when: formatStamp(group.reply.at) })}
          </Text>
        </View>
      )}
    </View>
  );
}
