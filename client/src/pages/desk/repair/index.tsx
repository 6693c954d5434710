import { View } from '@tarojs/components';
import { useRepair } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import RepairSummary from '../../../components/RepairSummary';
import { routeParam } from '../../../utils/routes';
import DispatchPanel from './DispatchPanel';
import './index.css';

/** A repair as the desk sees it, with dispatch while it waits for a technician. */
export default function DeskRepair() {
  const context = useReadySession();
  const { data, loading, error, refresh } = useRepair(routeParam('id'));
  const canDispatch = Boolean(data?.actions.includes('dispatch'));
  return (
    <View className='page desk-repair'>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && context && canDispatch && (
          <DispatchPanel repair={data} propertyId={context.property.propertyId} onDone={() => void refresh()} />
        )}
        {data && <RepairSummary repair={data} forStaff />}
      </LoadState>
    </View>
  );
}
