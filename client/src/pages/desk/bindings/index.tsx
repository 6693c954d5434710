import { Text, View } from '@tarojs/components';
import { useBindingRequests } from '../../../hooks/useMembers';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { ui } from '../../../i18n/ui.zh-CN';
import BindingRow from './BindingRow';
import '../../../theme/controls.css';
import './index.css';

/** Issue 7 (4): requests to bind a room, oldest first, for the desk to check and approve or reject. */
export default function DeskBindings() {
  const context = useReadySession();
  const list = useBindingRequests();
  const { items, loading, error, refresh } = list;
  const t = ui.deskBindings;
  return (
    <View className='page desk-bindings'>
      <Text className='title'>{t.title}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.empty : null}>
        {context &&
          items?.map((item) => <BindingRow key={`${item.id}@${item.version}`} item={item} propertyId={context.property.propertyId} onDone={() => void refresh()} />)}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
