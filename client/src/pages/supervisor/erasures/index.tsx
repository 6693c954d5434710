import { Text, View } from '@tarojs/components';
import { useErasureRequests } from '../../../hooks/usePrivacy';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import ErasureRow from './ErasureRow';
import '../../../theme/controls.css';
import './index.css';

/** Issue 7 (6), PIPL: residents' requests to delete their data, for the manager to carry out once their tickets are closed. */
export default function Erasures() {
  const context = useReadySession();
  const list = useErasureRequests();
  const { items, loading, error, refresh } = list;
  const t = supervisorUi.erasures;
  return (
    <View className='page erasures'>
      <Text className='title'>{t.title}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.empty : null}>
        {context && items?.map((item) => <ErasureRow key={item.id} item={item} propertyId={context.property.propertyId} onDone={() => void refresh()} />)}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
