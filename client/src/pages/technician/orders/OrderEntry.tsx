import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/contracts/repairs.contract';
import type { Conflict } from '../../../offline/commands';
import RepairCard from '../../../components/RepairCard';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { setAsideWords } from '../../../utils/set-aside';
import { go } from '../../../utils/routes';
import { orderPage } from '../order/route';

/** One order of the day plan: why a step was set aside above its card, or how many steps wait on the phone in the card's head beside its status; a tap opens it. */
export default function OrderEntry({ repair, pending, setAside }: { repair: RepairView; pending: number; setAside: Conflict | null }) {
  return (
    <View className='order-entry'>
      {setAside && <Text className='badge badge-urgent order-set-aside'>{fill(ui.sync.setAsideBadge, { reason: setAsideWords(setAside) })}</Text>}
      <RepairCard
        repair={repair}
        withPhone
        onOpen={() => go(orderPage(repair.id))}
        tag={!setAside && pending > 0 ? <Text className='badge order-pending'>{fill(technicianUi.day.queued, { count: pending })}</Text> : undefined}
      />
    </View>
  );
}
