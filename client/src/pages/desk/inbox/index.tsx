import { Text, View } from '@tarojs/components';
import { useDeskInbox } from '../../../hooks/useRepairs';
import { useUrgentChime } from '../../../hooks/useUrgentChime';
import LoadState from '../../../components/LoadState';
import RepairCard from '../../../components/RepairCard';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import './index.css';

/** The desk's queue: every open repair, urgent ones on top with their rule, live. */
export default function DeskInbox() {
  const { items, loading, error, refresh } = useDeskInbox();
  useUrgentChime(items);
  const waiting = items?.filter((r) => r.priority === 'urgent' && r.status === 'submitted').length ?? 0;
  return (
    <View className='page desk-inbox'>
      <View className='inbox-head'>
        <Text className='title'>{ui.desk.inboxTitle}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      {waiting > 0 && <Text className='inbox-urgent-count'>{fill(ui.desk.urgentWaiting, { count: waiting })}</Text>}
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.desk.inboxEmpty : null}>
        {items?.map((repair) => (
          <RepairCard key={repair.id} repair={repair} onOpen={() => go(routes.deskRepair(repair.id))} />
        ))}
      </LoadState>
    </View>
  );
}
