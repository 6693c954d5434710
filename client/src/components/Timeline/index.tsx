import { Text, View } from '@tarojs/components';
import type * as z from 'zod';
import type { RepairEventView } from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import { formatWhen } from '../../utils/time';
import './index.css';

type Event = z.infer<typeof RepairEventView>;

const actionWord = (event: Event): string => {
  const known = messages.repairActions as Record<string, string>;
  const status = messages.repairStatus as Record<string, string>;
  return known[event.action] ?? status[event.to] ?? '';
};

/** What happened to a repair, newest at the top. */
export default function Timeline({ events }: { events: readonly Event[] }) {
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <View className='timeline'>
      {newestFirst.map((event, i) => (
        <View key={`${event.at}-${i}`} className={`timeline-item${i === 0 ? ' timeline-latest' : ''}`}>
          <View className='timeline-dot' />
          <View className='timeline-body'>
            <Text className='timeline-action'>{`${actionWord(event)} · ${messages.roles[event.role]}`}</Text>
            {event.reason && <Text className='timeline-reason'>{event.reason}</Text>}
            <Text className='muted timeline-time'>{formatWhen(event.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
