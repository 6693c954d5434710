import { Text, View } from '@tarojs/components';
import type * as z from 'zod';
import type { KindFigures } from '@shared/contracts/callbacks.contract';
import { ui } from '../../../i18n/ui.zh-CN';

const columns = ['planned', 'done', 'reached', 'satisfied'] as const;

/** B4: tasks of each kind in a period: planned, done, reached, satisfied. */
export default function KindTable({ rows, className }: { rows: readonly z.infer<typeof KindFigures>[]; className: string }) {
  const t = ui.callbackFigures;
  return (
    <View className={`kind-table ${className}`}>
      <View className='kind-row kind-row-head'>
        <Text className='kind-cell kind-name'>{ui.callbacks.kind}</Text>
        {columns.map((c) => (
          <Text key={c} className='kind-cell'>
            {t[c]}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.kind} className={`kind-row kind-${row.kind}`}>
          <Text className='kind-cell kind-name'>{ui.callbacks.kinds[row.kind]}</Text>
          {columns.map((c) => (
            <Text key={c} className={`kind-cell kind-${c}`}>
              {String(row[c])}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
