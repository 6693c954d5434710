import { Text, View } from '@tarojs/components';
import type { SettingsView } from '../../../hooks/useSettings';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';

const isField = (name: string): name is keyof typeof supervisorUi.settings.fieldNames => name in supervisorUi.settings.fieldNames;

/** Every change: who made it, when, and which settings it touched. */
export default function HistoryList({ history }: { history: SettingsView['history'] }) {
  const t = supervisorUi.settings;
  return (
    <View className='card settings-section settings-history'>
      <Text className='section-title'>{t.history}</Text>
      {history.length === 0 && <Text className='muted history-empty'>{t.historyEmpty}</Text>}
      {history.map((entry, i) => (
        <View key={`${entry.at}-${i}`} className='history-entry'>
          <Text className='history-who'>{fill(t.historyLine, { who: entry.by || t.someone, when: formatWhen(entry.at) })}</Text>
          <Text className='muted history-fields'>{entry.fields.map((f) => (isField(f) ? t.fieldNames[f] : f)).join(t.fieldSeparator)}</Text>
        </View>
      ))}
    </View>
  );
}
