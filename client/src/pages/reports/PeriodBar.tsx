import { Button, Text, View } from '@tarojs/components';
import type { PeriodKind } from '@shared/time/report-period';
import { periodName } from '@shared/messages/period-name';
import ChoiceChips from '../../components/ChoiceChips';
import { words } from './words';
import { nextPeriod, periodAt, previousPeriod } from './periods';

interface Props {
  kinds: readonly PeriodKind[];
  period: string;
  kind: PeriodKind;
  now: Date;
  onChange: (period: string, kind: PeriodKind) => void;
}

/** 周报 / 月报 / 季报, and the period shown with the one before and after it. */
export default function PeriodBar({ kinds, period, kind, now, onChange }: Props) {
  const t = words;
  const next = nextPeriod(period, kind, now);
  return (
    <View className='period-bar'>
      <ChoiceChips name='period-kind' options={kinds} value={kind} label={(k) => t.kinds[k]} onPick={(k) => onChange(periodAt(k, now), k)} />
      <View className='period-step'>
        <Button className='btn btn-plain period-prev' onClick={() => onChange(previousPeriod(period), kind)}>
          {`‹ ${t.prevPeriod}`}
        </Button>
        <Text className='period-name'>{periodName(period)}</Text>
        {next ? (
          <Button className='btn btn-plain period-next' onClick={() => onChange(next, kind)}>
            {`${t.nextPeriod} ›`}
          </Button>
        ) : (
          <View className='period-next-none' />
        )}
      </View>
    </View>
  );
}
