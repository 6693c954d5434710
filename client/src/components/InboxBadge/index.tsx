import { Text } from '@tarojs/components';
import { threadsOf, unreadThreadCount } from '@shared/domain/notice-thread.rules';
import { useInbox } from '../../hooks/useNotices';
import { useSeenThreads } from '../../hooks/useSeenThreads';
import { fill, ui } from '../../i18n/ui.zh-CN';
import './index.css';

/**
 * Issue 18 (3): on the resident's home, how many of her repairs and complaints have news she has
 * not opened on any phone (her read marks are the server's; it drops when she opens the thread). Nothing when none.
 */
export default function InboxBadge() {
  const { items } = useInbox({ bottom: false });
  const { seen } = useSeenThreads(items);
  const unread = items ? unreadThreadCount(threadsOf(items, seen)) : 0;
  if (!unread) return null;
  return <Text className='inbox-badge'>{fill(ui.inbox.badge, { n: unread })}</Text>;
}
