import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { useDeskInbox } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import { useWorkCounts } from '../../../hooks/useWorkCounts';
import PropertySwitch from '../../../components/PropertySwitch';
import RegisterCallBar from '../../../components/RegisterCallBar';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import UrgentWaiting from '../../../components/UrgentWaiting';
import WorkGrid from '../../../components/WorkGrid';
import { workGroups } from '../../../components/WorkGrid/staff-entries';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { useFocusableScroller } from '../../../keyboard/focusable-scroller';
import KeyScope from '../../../keyboard/KeyScope';
import '../../../theme/controls.css';
import './index.css';

/**
 * Issue 17 (2): the supervisor's and the manager's home. What waits for them first (urgent repairs
 * not yet dispatched, open complaints, callbacks, requests to bind a room, with live counts), then
 * figures and the property's setup; the supervisor registers a call from the bar at the bottom.
 * Tab reaches the tiles, Enter or Space opens one (keyboard/).
 */
export default function StaffHome() {
  const context = useReadySession();
  const queue = useDeskInbox();
  const counts = useWorkCounts(queue);
  const root = useFocusableScroller();
  if (!context) return <View ref={root} className='page staff-home' />;
  return (
    <View ref={root} className='page staff-home'>
      <Text className='title'>{ui.workGrid.homeTitle}</Text>
      <Text className='muted staff-home-who'>{fill(ui.workGrid.who, { name: context.name, role: messages.roles[context.role] })}</Text>
      <PropertySwitch />
      <SubscribeLowBanner />
      <UrgentWaiting count={counts.urgent} />
      <KeyScope>
        <WorkGrid groups={workGroups(context.role, counts)} />
      </KeyScope>
      {context.role === 'supervisor' && (
        <RegisterCallBar />
      )}
    </View>
  );
}
