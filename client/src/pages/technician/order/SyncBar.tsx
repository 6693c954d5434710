import { Button, Text, View } from '@tarojs/components';
import type { OnSiteOrder } from '../../../hooks/useOnSiteOrder';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { setAsideWords } from '../../../utils/set-aside';
import { toastOk } from '../../../utils/toast';
import OfflineBar from './OfflineBar';

/**
 * No signal (the offline bar), what the server has not got yet ("2 步待提交"), or, when a step was set aside (refused, or the
 * server kept failing on it), why, and that the steps after it wait with it: the technician calls
 * the desk and decides; nothing on the phone is dropped without his tap.
 */
export default function SyncBar({ order }: { order: OnSiteOrder }) {
  const t = ui.sync;
  if (order.conflict) {
    return (
      <View className='card sync-conflict'>
        <Text className='section-title sync-conflict-title'>{t.conflict}</Text>
        <Text className='sync-conflict-reason'>{setAsideWords(order.conflict)}</Text>
        {order.pending > 1 && <Text className='muted sync-conflict-after'>{fill(t.setAsideAfter, { count: order.pending - 1 })}</Text>}
        <DeskPhoneButton phone={order.deskPhone} look='primary' />
        {order.pending > 0 && (
          <Button
            className='btn btn-plain btn-discard-local'
            onClick={() => {
              order.discard();
              toastOk(t.discarded);
            }}
          >
            {fill(t.discard, { count: order.pending })}
          </Button>
        )}
      </View>
    );
  }
  if (order.pending === 0 && !order.offline) return null;
  return (
    <View className='sync-bar'>
      {order.offline && <OfflineBar />}
      {order.pending > 0 && <Text className='badge sync-pending'>{fill(technicianUi.day.queued, { count: order.pending })}</Text>}
      {order.pending > 0 && !order.offline && <Text className='muted sync-hint'>{t.pendingHint}</Text>}
    </View>
  );
}
