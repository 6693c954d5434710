import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { RepairView } from '../../../offline/commands';
import TriageLine from '../../../components/TriageLine';
import { RepairStatusTag } from '../../../components/StatusTag/records';
import PhotoGrid from '../../../components/PhotoGrid';
import { fill } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { appointmentText } from '../../../utils/orders';
import CallButton from './CallButton';

/** What he needs at the door: urgency and its rule (R3), where, what is wrong, whom to call, photos. */
export default function OrderHeader({ repair, deskPhone }: { repair: RepairView; deskPhone: string }) {
  const t = technicianUi.onSite;
  return (
    <View className='card order-header'>
      <TriageLine repair={repair} />
      <View className='order-head-row'>
        <Text className='order-category'>{messages.categories[repair.category]}</Text>
        <RepairStatusTag status={repair.status} />
      </View>
      <Text className='order-address'>{repair.address}</Text>
      <Text className='order-description'>{repair.description}</Text>
      <Text className='muted order-when'>{fill(t.appointment, { when: appointmentText(repair, t.asap) })}</Text>
      {repair.blocker && (
        <Text className='order-blocker'>
          {fill(t.blocker.shown, { kind: t.blocker.kinds[repair.blocker.kind], reason: repair.blocker.reason })}
        </Text>
      )}
      <CallButton repair={repair} deskPhone={deskPhone} />
      {repair.photos.length > 0 && (
        <View className='order-photos'>
          <Text className='muted'>{t.photos}</Text>
          <PhotoGrid links={repair.photos} />
        </View>
      )}
    </View>
  );
}
