import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { CaseView } from '../../hooks/useComplaints';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { classLabel } from '../../utils/complaint-labels';
import { queueHeldCount } from '../../utils/screening';
import { ComplaintStatusTag } from '../StatusTag/records';
import './index.css';

/** The households a case stands for, when it is (or joined) a group complaint (C3). */
const householdsOf = (item: CaseView): number | null => (item.kind === 'group' ? item.households : (item.group?.households ?? null));

/** C3 C4 C9: 特急, VIP, a group and its households, overdue, and the class once it has one. */
export default function CaseBadges({ item }: { item: CaseView }) {
  const t = ui.deskComplaints;
  const households = householdsOf(item);
  return (
    <View className='case-badges'>
      {item.urgency === 'top' && <Text className='badge badge-urgent badge-top'>{messages.urgency.top}</Text>}
      {item.kind === 'complaint' && item.vip && <Text className='badge badge-vip'>{t.vip}</Text>}
      {households !== null && <Text className='badge badge-group'>{fill(t.group, { n: households })}</Text>}
      {item.overdue && <Text className='badge badge-urgent badge-overdue'>{t.overdue}</Text>}
      {queueHeldCount([item]) > 0 && <Text className='badge badge-held'>{ui.screening.badge}</Text>}
      {item.classification && <Text className='badge badge-normal badge-class'>{classLabel(item.classification)}</Text>}
      <ComplaintStatusTag status={item.status} />
    </View>
  );
}
