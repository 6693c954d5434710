import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { CaseView } from '../../hooks/useComplaints';
import CaseBadges from '../CaseBadges';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { formatDue, formatWhen } from '../../utils/time';
import { reachable } from '../../keyboard/reachable';
import { rowCard } from '../../theme/row-card';
import './index.css';

/** Who a case is from: the household, or how many households a group stands for. */
const whoOf = (item: CaseView): string =>
  item.kind === 'group' ? fill(ui.deskComplaints.households, { n: item.households }) : `${item.address} ${item.residentName}`;

/** One open case in a list: its badges, what and where, and by when it must be handled; `chosen` when shown beside the list. */
export default function CaseCard({ item, onOpen, chosen }: { item: CaseView; onOpen: () => void; chosen?: boolean }) {
  return (
    <View
      id={`case-${item.kind}-${item.id}`}
      className={`${rowCard({ urgent: item.urgency === 'top', chosen: chosen === true })} case-card case-${item.kind} case-${item.urgency}`}
      onClick={onOpen}
      {...reachable()}
    >
      <CaseBadges item={item} />
      <Text className='case-card-what'>{`${messages.complaintCategories[item.category]} · ${item.placeLabel}`}</Text>
      <Text className='case-card-who'>{whoOf(item)}</Text>
      {item.kind === 'complaint' && <Text className='row-card-description case-card-description'>{item.description}</Text>}
      <Text className={`muted case-card-due${item.overdue ? ' case-card-due-late' : ''}`}>
        {item.dueAt ? `${fill(ui.deskComplaints.due, { when: formatDue(item.dueAt) })} · ${formatWhen(item.createdAt)}` : formatWhen(item.createdAt)}
      </Text>
    </View>
  );
}
