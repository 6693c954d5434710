import { Button, Text, View } from '@tarojs/components';
import { useOnSiteOrders } from '../../../hooks/useOnSiteOrders';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import RepairCard from '../../../components/RepairCard';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { setAsideWords } from '../../../utils/set-aside';
import { orderPage } from '../order/route';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import PropertySwitch from '../../../components/PropertySwitch';
import './index.css';

/** 李师傅's day plan: urgent on top, then by appointment, each with the resident's number; a tap opens the order. */
export default function TechnicianOrders() {
  const context = useReadySession();
  const list = useOnSiteOrders();
  const { items, loading, error, refresh, pendingOf, setAsideOf } = list;
  return (
    <ScaledPage className='technician-orders'>
      <PropertySwitch />
      {context && <Text className='title'>{`${context.name} · ${ui.technician.title}`}</Text>}
      <SubscribeLowBanner />
      <Button className='btn btn-plain link-inbox' onClick={() => go(routes.inbox)}>
        {ui.inbox.link}
      </Button>
      <Button className='btn btn-plain link-my-keys' onClick={() => go(routes.myKeys)}>
        {keysUi.mine.link}
      </Button>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.technician.empty : null}>
        {items?.map((repair) => {
          const setAside = setAsideOf(repair.id);
          const pending = pendingOf(repair.id);
          return (
            <View key={repair.id} className='order-entry'>
              {setAside && <Text className='badge badge-urgent order-set-aside'>{fill(ui.sync.setAsideBadge, { reason: setAsideWords(setAside) })}</Text>}
              {!setAside && pending > 0 && <Text className='badge order-pending'>{fill(ui.sync.pending, { count: pending })}</Text>}
              <RepairCard repair={repair} withPhone onOpen={() => go(orderPage(repair.id))} />
            </View>
          );
        })}
        <ListFooter list={list} />
      </LoadState>
    </ScaledPage>
  );
}
