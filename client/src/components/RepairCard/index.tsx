import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../Icon';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import TriageLine from '../TriageLine';
import { RepairStatusTag } from '../StatusTag/records';
import { formatWhen } from '../../utils/time';
import { appointmentText } from '../../utils/orders';
import { callPhone } from '../../utils/phone';
import { ui } from '../../i18n/ui.zh-CN';
import { awaitingItems } from '../../utils/screening';
import { reachable } from '../../keyboard/reachable';
import { rowCard } from '../../theme/row-card';
import './index.css';

interface Props {
  repair: RepairView;
  onOpen?: () => void;
  /** The one shown beside the list on a wide window. */
  chosen?: boolean;
  /** For the assigned technician: the resident's full number with a call button. */
  withPhone?: boolean;
  /** Issue 18 (5): who of her household filed it, when it was not she. */
  filedBy?: string;
  /** A tag of the list's own beside the status (the technician's "2 步待提交"). */
  tag?: ReactNode;
}

/** One repair in a list: urgency and rule first, then what, where, and when. */
export default function RepairCard({ repair, onOpen, chosen, withPhone, filedBy, tag }: Props) {
  const when = appointmentText(repair, ui.technician.asap);
  return (
    <View
      id={`repair-${repair.id}`}
      className={`${rowCard({ urgent: repair.priority === 'urgent', chosen: chosen === true })} repair-card repair-${repair.priority}`}
      onClick={onOpen}
      {...(onOpen ? reachable() : {})}
    >
      <TriageLine repair={repair} />
      <View className='repair-card-head'>
        <Text className='repair-card-category'>
          {messages.categories[repair.category]}
        </Text>
        <View className='repair-card-tags'>
          {repair.overdue && <Text className='badge badge-urgent badge-overdue'>{ui.deskRepair.overdue}</Text>}
          {awaitingItems(repair.screening) > 0 && <Text className='badge badge-held'>{ui.screening.badge}</Text>}
          {tag}
          <RepairStatusTag status={repair.status} />
        </View>
      </View>
      <Text className='repair-card-address'>{repair.address}</Text>
      {filedBy && <Text className='muted repair-card-filer'>{filedBy}</Text>}
      <Text className='row-card-description repair-card-description'>{repair.description}</Text>
      <Text className={`muted repair-card-when${repair.appointment ? ' repair-card-booked' : ''}`}>{`${when} · ${formatWhen(repair.createdAt)}`}</Text>
      {withPhone && repair.phone && (
        <View className='repair-card-phone'>
          <Text>{`${repair.residentName} ${repair.phone}`}</Text>
          <Button
            className='btn btn-secondary btn-call-resident'
            onClick={(e) => {
              e.stopPropagation();
              callPhone(repair.phone);
            }}
          >
            <Icon of={Phone} />{ui.technician.callResident}
          </Button>
        </View>
      )}
    </View>
  );
}
