import { Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import type { KindFigures } from '@shared/contracts/callbacks.contract';
import { ui } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

const columns = ['planned', 'done', 'reached', 'satisfied'] as const;

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** B4: tasks of each kind in a period: planned, done, reached, satisfied, and the callback rate. */
export default function KindTable({ rows, className }: { rows: readonly z.infer<typeof KindFigures>[]; className: string }) {
  const t = supervisorUi.callbackFigures;
  return (
    <View className={`kind-table ${className}`}>
      <View className='kind-row kind-row-head'>
        <Text className='kind-cell kind-name'>{ui.callbacks.kind}</Text>
        {columns.map((c) => (
          <Text key={c} className='kind-cell'>
            {t[c]}
          </Text>
        ))}
        <Text className='kind-cell'>{t.rate}</Text>
      </View>
      {rows.map((row) => (
        <View key={row.kind} className={`kind-row kind-${row.kind}`}>
          <Text className='kind-cell kind-name'>{ui.callbacks.kinds[row.kind]}</Text>
          {columns.map((c) => (
            <Text key={c} className={`kind-cell kind-${c}`}>
              {String(row[c])}
            </Text>
          ))}
          <Text className='kind-cell kind-rate'>{percent(row.rate)}</Text>
        </View>
      ))}
    </View>
  );
}
