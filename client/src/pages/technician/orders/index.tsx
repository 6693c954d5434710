import { Text, View } from '@tarojs/components';
import { useAssignedOrders } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import RepairCard from '../../../components/RepairCard';
import { ui } from '../../../i18n/ui.zh-CN';

/** 李师傅's day plan: urgent on top, then by appointment, each with the resident's number. */
export default function TechnicianOrders() {
  const context = useReadySession();
  const { items, loading, error, refresh } = useAssignedOrders();
  return (
    <View className='page technician-orders'>
      {context && <Text className='title'>{`${context.name} · ${ui.technician.title}`}</Text>}
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.technician.empty : null}>
        {items?.map((repair) => <RepairCard key={repair.id} repair={repair} withPhone />)}
      </LoadState>
    </View>
  );
}
