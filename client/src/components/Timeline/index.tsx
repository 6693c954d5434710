import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { ui } from '../../i18n/ui.zh-CN';
import { formatWhen } from '../../utils/time';
import './index.css';

/** One step in a record's history: a repair's or a complaint's. */
export interface TimelineEvent {
  action: string;
  to: string;
  role: string;
  reason: string | null;
  at: string;
}

/** The catalogue words for a kind of record's actions and statuses. */
export interface TimelineWords {
  actions: Readonly<Record<string, string>>;
  statuses: Readonly<Record<string, string>>;
}

const repairWords: TimelineWords = { actions: messages.repairActions, statuses: messages.repairStatus };
const roles: Readonly<Record<string, string>> = { ...messages.roles, system: ui.timeline.system };
/** The timer's own steps on any record: a time limit about to pass, or passed and escalated (R9, C4). */
const deadlineSteps: Readonly<Record<string, string>> = { warn: messages.notices['deadline.warn'], escalate: messages.notices['deadline.breach'] };
const rules: Readonly<Record<string, string>> = messages.deadlineRules;

const actionWord = (event: TimelineEvent, words: TimelineWords): string =>
  words.actions[event.action] ?? deadlineSteps[event.action] ?? words.statuses[event.to] ?? '';

/** A reason as written, or the words of the deadline rule it names. */
const reasonText = (reason: string): string => rules[reason] ?? reason;

/** What happened to a record, newest at the top. */
export default function Timeline({ events, words = repairWords }: { events: readonly TimelineEvent[]; words?: TimelineWords }) {
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <View className='timeline'>
      {newestFirst.map((event, i) => (
        <View key={`${event.at}-${i}`} className={`timeline-item${i === 0 ? ' timeline-latest' : ''}`}>
          <View className='timeline-dot' />
          <View className='timeline-body'>
            <Text className='timeline-action'>{`${actionWord(event, words)} · ${roles[event.role] ?? ''}`}</Text>
            {event.reason && <Text className='timeline-reason'>{reasonText(event.reason)}</Text>}
            <Text className='muted timeline-time'>{formatWhen(event.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
