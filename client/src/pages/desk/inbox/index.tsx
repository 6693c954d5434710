import { useState } from 'react';
import { Text, View, type ViewProps } from '@tarojs/components';
import type { Role } from '@shared/model/member.model';
import { useDeskInbox } from '../../../hooks/useRepairs';
import { useWorkCounts } from '../../../hooks/useWorkCounts';
import { useReadySession } from '../../../hooks/useSession';
import { useUrgentChime } from '../../../hooks/useUrgentChime';
import { useWideWindow } from '../../../hooks/useWideWindow';
import Empty from '../../../components/kit/Empty';
import ListFooter from '../../../components/ListFooter';
import ListState from '../../../components/ListState';
import RepairCard from '../../../components/RepairCard';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import UrgentWaiting from '../../../components/UrgentWaiting';
import WorkGrid from '../../../components/WorkGrid';
import { workGroups } from '../../../components/WorkGrid/staff-entries';
import RegisterCallBar from '../../../components/RegisterCallBar';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import { queueHeldCount } from '../../../utils/screening';
import '../../../theme/controls.css';
import PropertySwitch from '../../../components/PropertySwitch';
import KeyScope from '../../../keyboard/KeyScope';
import RepairDesk from './RepairDeskPane';
import './index.css';

const canRegister = (role: Role) => role === 'desk' || role === 'supervisor';

/**
 * The desk's home: what waits first (urgent repairs, the grid of the desk's pages with their counts),
 * then every open repair, urgent ones on top, live; 登记报修 in the bar at the bottom.
 * On a wide window (PC WeChat) the queue is a dense list beside the chosen repair, its detail and
 * dispatch on the right, the first one chosen at once; on a phone a repair opens its own page.
 * Tab reaches the cards and 登记报修, Enter opens them (keyboard/).
 * Supervisors and managers reach it from their own home, which holds their links.
 */
export default function DeskInbox() {
  const context = useReadySession();
  const list = useDeskInbox();
  const { items, loading, error, refresh } = list;
  const counts = useWorkCounts(list);
  const wide = useWideWindow();
  const [chosenId, setChosenId] = useState<string | null>(null);
  useUrgentChime(items);
  const held = items ? queueHeldCount(items) : 0;
  const shownId = wide ? (items?.find((r) => r.id === chosenId) ?? items?.[0])?.id ?? null : null;
  const open = (id: string) => (wide ? setChosenId(id) : go(routes.deskRepair(id)));
  return (
    <KeyScope>
      <View className={`page desk-inbox${wide ? ' desk-wide' : ''}`}>
        <View className='desk-inbox-list'>
          <PropertySwitch />
          <View className='inbox-head'>
            <Text className='title'>{ui.desk.inboxTitle}</Text>
            <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
          </View>
          <SubscribeLowBanner />
          <UrgentWaiting count={counts.urgent} />
          <WorkGrid groups={workGroups('desk', counts)} />
          {held > 0 && <Text className='inbox-held-count'>{fill(ui.screening.queueCount, { count: held })}</Text>}
          <ListState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.desk.inboxEmpty : null}>
            {items?.map((repair) => (
              <RepairCard key={repair.id} repair={repair} chosen={repair.id === shownId} onOpen={() => open(repair.id)} />
            ))}
            <ListFooter list={list} />
          </ListState>
        </View>
        {/* Scrolls on its own: in the tab order, so a keyboard can scroll it too (axe-core's scrollable-region-focusable). */}
        {wide && (
          <View className='desk-inbox-detail' {...({ tabIndex: 0 } as Partial<ViewProps>)}>
            {shownId ? <RepairDesk key={shownId} repairId={shownId} onChanged={() => void refresh()} /> : <Empty size='small' description={ui.desk.pickOne} />}
          </View>
        )}
        {context && canRegister(context.role) && <RegisterCallBar />}
      </View>
    </KeyScope>
  );
}
