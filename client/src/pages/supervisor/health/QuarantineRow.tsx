import { Text, View } from '@tarojs/components';
import type { QuarantinedDoc } from '../../../hooks/useNotices';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';
import { stepLabel } from '../../../utils/timer-steps';

const recordWord = (collection: string): string => {
  const words: Record<string, string> = supervisorUi.health.records;
  return words[collection] ?? supervisorUi.health.records.other;
};

/** Issue 12 (3.8): one stored record the timer could not read and set aside: what it is, which task found it, when, and what is wrong. */
export default function QuarantineRow({ item }: { item: QuarantinedDoc }) {
  const t = supervisorUi.health;
  return (
    <View id={`quarantined-${item.id}`} className='card quarantined'>
      <Text className='quarantined-record'>{recordWord(item.collection)}</Text>
      <Text className='muted quarantined-found'>{fill(t.quarantineFound, { step: stepLabel(item.foundBy), when: formatWhen(item.at) })}</Text>
      <Text className='quarantined-reason'>{fill(t.quarantineReason, { reason: item.reason })}</Text>
    </View>
  );
}
