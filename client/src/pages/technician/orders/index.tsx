import { Button, Text, View } from '@tarojs/components';
import { groupDayPlan } from '@shared/domain/day-plan.rules';
import { useOnSiteOrders } from '../../../hooks/useOnSiteOrders';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { go, routes } from '../../../utils/routes';
import { keysUi } from '../../../i18n/keys.zh-CN';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import PropertySwitch from '../../../components/PropertySwitch';
import OfflineBar from '../order/OfflineBar';
import OrderEntry from './OrderEntry';
import { groupTitle, weekdayHeader } from './day-words';
import './index.css';

/**
 * 李师傅's day plan under the day of the week: 今天, 明天, 以后 (each with its date), urgent on top inside each, each order with
 * the resident's number; a tap opens the order. With no signal it is the plan the phone kept.
 */
export default function TechnicianOrders() {
  const context = useReadySession();
  const list = useOnSiteOrders();
  const { items, loading, error, refresh, pendingOf, setAsideOf, offline } = list;
  const now = new Date();
  return (
    <ScaledPage className='technician-orders'>
      {offline && <OfflineBar />}
      <PropertySwitch />
      {context && <Text className='title'>{`${context.name} · ${ui.technician.title}`}</Text>}
      <Text className='day-header'>{weekdayHeader(now)}</Text>
      <SubscribeLowBanner />
      <View className='orders-links'>
        <Button className='btn btn-plain link-inbox' onClick={() => go(routes.inbox)}>
          {ui.inbox.link}
        </Button>
        <Button className='btn btn-plain link-my-keys' onClick={() => go(routes.myKeys)}>
          {keysUi.mine.link}
        </Button>
      </View>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.technician.empty : null}>
        {groupDayPlan(items ?? [], now).map(({ group, orders }) => (
          <View key={group} className={`day-group day-group-${group}`}>
            <View className='day-group-title'>
              <Text className='section-title'>{groupTitle(group, now)}</Text>
              <Text className='muted day-group-count'>{fill(technicianUi.day.groupCount, { count: orders.length })}</Text>
            </View>
            {orders.map((repair) => (
              <OrderEntry key={repair.id} repair={repair} pending={pendingOf(repair.id)} setAside={setAsideOf(repair.id)} />
            ))}
          </View>
        ))}
        <ListFooter list={list} />
      </LoadState>
    </ScaledPage>
  );
}
