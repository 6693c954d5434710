import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { GroupView } from '../../../hooks/useComplaints';
import { ComplaintStatusTag } from '../../../components/StatusTag/records';
import InfoRow from '../../../components/InfoRow';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { go, routes } from '../../../utils/routes';

/** C3: a group complaint: the matter, and every household in it, each one tap from its own record. */
export default function GroupFacts({ group }: { group: GroupView }) {
  const t = deskUi.deskComplaint;
  return (
    <>
      <View className='card group-facts'>
        <InfoRow label={t.category} value={messages.complaintCategories[group.category]} className='fact-category' />
        <InfoRow label={t.place} value={group.placeLabel} className='fact-place' />
        <InfoRow label={t.createdAt} value={formatStamp(group.createdAt)} className='fact-created' />
      </View>
      <View className='card group-members'>
        <Text className='section-title'>{fill(t.membersTitle, { n: group.households })}</Text>
        {group.members.map((member) => (
          <View
            key={member.id}
            id={`member-${member.id}`}
            className='group-member'
            onClick={() => go(routes.deskComplaint({ kind: 'complaint', id: member.id }))}
          >
            <View className='group-member-head'>
              <Text className='group-member-address'>{member.address}</Text>
              <ComplaintStatusTag status={member.status} />
            </View>
            <Text className='muted group-member-name'>{`${member.residentName} · ${formatStamp(member.createdAt)}`}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
