import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { priceQuote, yuan } from '@shared/domain/quote.rules';
import type { FeeSchedule } from '../../../offline/optimistic';
import type { RepairView } from '../../../offline/commands';
import { fill } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';

const MAX_QTY = 99;

interface Props {
  fees: FeeSchedule;
  /** A quote being changed starts from its lines. */
  quote: RepairView['quote'];
  onSend: (items: Array<{ code: string; qty: number }>) => void;
}

/** R6: items from the fee schedule with + and −; the total adds itself up; nothing chosen quotes 0 (free). */
export default function QuotePanel({ fees, quote, onSend }: Props) {
  const t = technicianUi.onSite.quote;
  const [qty, setQty] = useState<Record<string, number>>(() => Object.fromEntries((quote?.lines ?? []).map((l) => [l.code, l.qty])));
  const items = fees.filter((f) => (qty[f.code] ?? 0) > 0).map((f) => ({ code: f.code, qty: qty[f.code] ?? 0 }));
  const priced = priceQuote(items, fees);
  const totalFen = priced.ok ? priced.totalFen : 0;
  const change = (code: string, by: number) =>
    setQty((q) => ({ ...q, [code]: Math.min(MAX_QTY, Math.max(0, (q[code] ?? 0) + by)) }));

  return (
    <View className='card quote-panel'>
      <Text className='section-title'>{t.title}</Text>
      <Text className='muted'>{t.hint}</Text>
      {fees.map((fee) => {
        const n = qty[fee.code] ?? 0;
        return (
          <View key={fee.code} className={`fee-item fee-item-${fee.code}${n > 0 ? ' fee-on' : ''}`}>
            <View className='fee-text'>
              <Text className='fee-name'>{fee.name}</Text>
              <Text className='muted fee-price'>{fill(t.price, { amount: yuan(fee.priceFen) })}</Text>
            </View>
            <View className='qty-stepper'>
              <View className='btn-qty btn-qty-minus' onClick={() => change(fee.code, -1)}>
                {t.minus}
              </View>
              <Text className='fee-qty'>{fill(t.qty, { qty: n })}</Text>
              <View className='btn-qty btn-qty-plus' onClick={() => change(fee.code, 1)}>
                {t.plus}
              </View>
            </View>
          </View>
        );
      })}
      <Text className='quote-total'>{totalFen > 0 ? fill(t.total, { amount: yuan(totalFen) }) : t.free}</Text>
      <Button className='btn btn-primary btn-send-quote' onClick={() => onSend(items)}>
        {t.send}
      </Button>
    </View>
  );
}
