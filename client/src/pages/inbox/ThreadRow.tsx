import { Text, View } from '@tarojs/components';
import type { Thread } from '@shared/domain/notice-thread.rules';
import type { Role } from '@shared/model/member.model';
import type { InboxItem } from '../../hooks/useNotices';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { go } from '../../utils/routes';
import { formatWhen } from '../../utils/time';
import { subjectPage } from './subject';

/** Earlier lines shown under the latest: enough to see who came when, not the whole history (the ticket has it). */
const EARLIER = 2;

interface Props {
  thread: Thread<InboxItem>;
  role: Role;
  /** She opened it: its lines up to the latest are seen. */
  onOpen: () => void;
}

/** Issue 18 (3): one repair or complaint in the resident's inbox: the latest line on top, unread marked; a tap opens the ticket. */
export default function ThreadRow({ thread, role, onOpen }: Props) {
  const [latest, ...earlier] = thread.lines;
  if (!latest) return null;
  const page = subjectPage(role, thread.subject);
  const urgent = thread.lines.some((l) => l.urgent);
  const open = () => {
    onOpen();
    if (page) go(page);
  };
  return (
    <View
      id={`thread-${thread.subject.id}`}
      className={`card inbox-thread${urgent ? ' inbox-item-urgent' : ''}${thread.unread ? ' inbox-thread-unread' : ''}${page ? ' inbox-item-link' : ''}`}
      onClick={open}
    >
      <View className='inbox-item-head'>
        {urgent && <Text className='badge badge-urgent inbox-urgent'>{ui.inbox.urgent}</Text>}
        <Text className='inbox-title'>{latest.title}</Text>
        {thread.unread > 0 && <Text className='inbox-unread'>{fill(ui.inbox.unread, { n: thread.unread })}</Text>}
      </View>
      <Text className='inbox-body inbox-latest'>{latest.body}</Text>
      <Text className='muted inbox-time'>{formatWhen(latest.at)}</Text>
      {earlier.slice(0, EARLIER).map((line) => (
        <View key={line.id} className='inbox-earlier'>
          <Text className='muted inbox-earlier-time'>{formatWhen(line.at)}</Text>
          <Text className='inbox-earlier-body'>{line.body}</Text>
        </View>
      ))}
      <View className='inbox-item-foot'>
        <Text className='muted inbox-count'>{fill(ui.inbox.lines, { n: thread.lines.length })}</Text>
        {page && <Text className='inbox-open'>{ui.inbox.openTicket}</Text>}
      </View>
    </View>
  );
}
