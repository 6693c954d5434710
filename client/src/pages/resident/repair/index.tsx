import { View } from '@tarojs/components';
import { useRepair } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import RepairSummary from '../../../components/RepairSummary';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { routeParam } from '../../../utils/routes';

/** One of the resident's repairs: status, what happens next, and its history. */
export default function MyRepair() {
  const { data, loading, error, refresh } = useRepair(routeParam('id'));
  const context = useReadySession();
  return (
    <View className='page my-repair'>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && <RepairSummary repair={data} />}
      </LoadState>
      {context && <DeskPhoneButton phone={context.property.deskPhone} look='plain' />}
    </View>
  );
}
