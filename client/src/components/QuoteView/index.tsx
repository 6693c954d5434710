import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { yuan } from '@shared/domain/quote.rules';
import { fill, ui } from '../../i18n/ui.zh-CN';
import './index.css';

export type QuoteShown = Pick<NonNullable<RepairView['quote']>, 'lines' | 'totalFen'>;

/** "¥30.00": fen as yuan, without floating point. */
export const money = (fen: number): string => fill(ui.quote.money, { amount: yuan(fen) });

/** R6: the items from the fee schedule, each with its amount, and the total in yuan. */
export default function QuoteView({ quote, className }: { quote: QuoteShown; className?: string }) {
  const t = ui.quote;
  return (
    <View className={`quote-view ${className ?? ''}`}>
      {quote.lines.map((line) => (
        <View key={line.code} className='quote-line'>
          <Text className='quote-line-name'>{fill(t.line, { name: line.name, qty: line.qty })}</Text>
          <Text className='quote-line-amount'>{money(line.priceFen * line.qty)}</Text>
        </View>
      ))}
      <View className='quote-total-row'>
        <Text className='quote-total-label'>{t.total}</Text>
        <Text className='quote-total'>{quote.totalFen === 0 ? t.free : money(quote.totalFen)}</Text>
      </View>
    </View>
  );
}
