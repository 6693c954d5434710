import { Text, View } from '@tarojs/components';
import type { Role } from '@shared/model/member.model';
import { threadsOf } from '@shared/domain/notice-thread.rules';
import { useInbox, type InboxItem } from '../../hooks/useNotices';
import { useSeenThreads } from '../../hooks/useSeenThreads';
import { useReadySession } from '../../hooks/useSession';
import { useChimeOnNew } from '../../hooks/useUrgentChime';
import LoadState from '../../components/LoadState';
import ListFooter from '../../components/ListFooter';
import SubscribeLowBanner from '../../components/SubscribeLowBanner';
import { ui } from '../../i18n/ui.zh-CN';
import { go } from '../../utils/routes';
import { formatWhen } from '../../utils/time';
import { subjectPage } from './subject';
import ThreadRow from './ThreadRow';
import ScaledPage from '../../components/ScaledPage';
import '../../theme/controls.css';
import './index.css';

function InboxRow({ item, role }: { item: InboxItem; role: Role }) {
  const page = subjectPage(role, item.subject);
  return (
    <View
      id={`inbox-${item.id}`}
      className={`card inbox-item${item.urgent ? ' inbox-item-urgent' : ''}${page ? ' inbox-item-link' : ''}`}
      onClick={() => page && go(page)}
    >
      <View className='inbox-item-head'>
        {item.urgent && <Text className='badge badge-urgent inbox-urgent'>{ui.inbox.urgent}</Text>}
        <Text className='inbox-title'>{item.title}</Text>
      </View>
      <Text className='inbox-body'>{item.body}</Text>
      <View className='inbox-item-foot'>
        <Text className='muted inbox-time'>{formatWhen(item.at)}</Text>
        {page && <Text className='inbox-open'>{ui.inbox.open}</Text>}
      </View>
    </View>
  );
}

/**
 * Issue 5: everyone's inbox, newest first and live on their signals; a tap opens what the notice is
 * about. Staff hear the chime when an urgent notice arrives while it is open. A resident reads hers
 * as one thread per repair or complaint (issue 18, 3).
 */
export default function Inbox() {
  const context = useReadySession();
  const list = useInbox();
  const { items, loading, error, refresh } = list;
  const staff = context !== null && context.role !== 'resident';
  const resident = context?.role === 'resident';
  const { seen, markSeen } = useSeenThreads(resident ? items : null);
  useChimeOnNew(staff && items ? items.filter((i) => i.urgent).map((i) => i.id) : null);
  return (
    <ScaledPage className='inbox-page'>
      <View className='inbox-page-head'>
        <Text className='title'>{ui.inbox.title}</Text>
        <Text className='muted inbox-page-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <SubscribeLowBanner />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.inbox.empty : null}>
        {resident && items && threadsOf(items, seen).map((t) => <ThreadRow key={t.key} thread={t} role='resident' onOpen={() => markSeen(t.subject, t.lines[0]?.at ?? '')} />)}
        {staff && items?.map((item) => <InboxRow key={item.id} item={item} role={context.role} />)}
        <ListFooter list={list} />
      </LoadState>
    </ScaledPage>
  );
}
