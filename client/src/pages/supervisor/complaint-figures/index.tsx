import { useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { useComplaintFigures } from '../../../hooks/useComplaints';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import FiguresCard from './FiguresCard';
import { periodLabel, recentMonths, recentQuarters, type PeriodKind } from './periods';
import '../../../theme/controls.css';
import './index.css';

const kinds: readonly PeriodKind[] = ['month', 'quarter'];

/**
 * C8: the monthly analysis (complaints by class, handling, on-time and callback rates) and the
 * quarterly summary, month by month, for the supervisor to take to the manager.
 */
export default function ComplaintFigures() {
  const t = supervisorUi.complaintFigures;
  const [kind, setKind] = useState<PeriodKind>('month');
  const periods = useMemo(() => (kind === 'month' ? recentMonths(new Date()) : recentQuarters(new Date())), [kind]);
  const [chosen, setChosen] = useState(0);
  const period = periods[chosen] ?? periods[0] ?? '';
  const { data, loading, error, refresh } = useComplaintFigures(period);
  const labels = periods.map(periodLabel);

  const pickKind = (next: PeriodKind) => {
    setKind(next);
    setChosen(0);
  };

  return (
    <View className='page complaint-figures'>
      <Text className='title'>{t.title}</Text>
      <ChoiceChips options={kinds} value={kind} label={(k) => t[k]} name='period-kind' onPick={pickKind} />
      <View className='period-picker'>
        <Picker mode='selector' range={labels} value={chosen} onChange={(e) => setChosen(Number(e.detail.value))}>
          <View id='period-pick' className='chip chip-on period-chip'>
            {`${periodLabel(period)} ▾`}
          </View>
        </Picker>
      </View>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && <FiguresCard title={periodLabel(data.period)} figures={data.total} className='figures-total' />}
        {data && data.months.length > 1 && <Text className='section-title figures-months'>{t.months}</Text>}
        {data &&
          data.months.length > 1 &&
          data.months.map((m) => <FiguresCard key={m.month} title={periodLabel(m.month)} figures={m.figures} className={`figures-month figures-${m.month}`} />)}
      </LoadState>
    </View>
  );
}
