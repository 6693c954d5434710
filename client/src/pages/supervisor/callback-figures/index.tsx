import { useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { useCallbackFigures } from '../../../hooks/useCallbacks';
import LoadState from '../../../components/LoadState';
import { useFocusableScroller } from '../../../keyboard/focusable-scroller';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';
import { periodLabel, recentMonths } from '../complaint-figures/periods';
import CheckRow from './CheckRow';
import KindTable from './KindTable';
import { weekLabel } from './week';
import '../../../theme/controls.css';
import './index.css';

/**
 * B4 R13 C7: the month's callback report (this month in Shanghai unless another is picked): the
 * repair (50 %) and complaint (100 %) checks, counts by kind for the month and each week, and the
 * residents still to call before the month closes.
 */
export default function CallbackFigures() {
  const t = supervisorUi.callbackFigures;
  const months = useMemo(() => recentMonths(new Date()), []);
  const [chosen, setChosen] = useState(0);
  const month = months[chosen] ?? months[0] ?? '';
  const { data, loading, error, refresh } = useCallbackFigures(month);
  const root = useFocusableScroller();

  return (
    <View ref={root} className='page callback-figures'>
      <Text className='title'>{t.title}</Text>
      <View className='period-picker'>
        <Picker mode='selector' range={months.map(periodLabel)} value={chosen} onChange={(e) => setChosen(Number(e.detail.value))}>
          <View id='month-pick' className='chip chip-on period-chip'>
            {`${periodLabel(month)} ▾`}
          </View>
        </Picker>
      </View>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && (
          <>
            <View className='card figures-checks'>
              <Text className='section-title'>{t.checks}</Text>
              <CheckRow
                label={t.repairCheck}
                className='check-repair'
                rate={data.repairCheck.rate}
                part={data.repairCheck.calledBack}
                whole={data.repairCheck.returned}
                met={data.repairCheck.met}
              />
              {data.repairCheck.skipped.map((s) => (
                <Text key={s.reason} className={`check-skipped skipped-${s.reason}`}>
                  {fill(t.skipped[s.reason], { n: s.count })}
                </Text>
              ))}
              <CheckRow
                label={t.complaintCheck}
                className='check-complaint'
                rate={data.complaintCheck.rate}
                part={data.complaintCheck.calledBack}
                whole={data.complaintCheck.handled}
                met={data.complaintCheck.met}
              />
            </View>
            <View className='card'>
              <Text className='section-title'>{fill(t.monthTotal, { month: periodLabel(data.month) })}</Text>
              <KindTable rows={data.byKind} className='kinds-month' />
            </View>
            <Text className='section-title figures-weeks'>{t.weeks}</Text>
            {data.weeks.map((w, i) => (
              <View key={w.from} className={`card figures-week figures-week-${i + 1}`}>
                <Text className='week-label'>{weekLabel(w.from, w.to)}</Text>
                <KindTable rows={w.byKind} className='kinds-week' />
              </View>
            ))}
            <View className='card figures-top-up'>
              <Text className='section-title'>{t.topUp}</Text>
              {data.topUp.length === 0 ? (
                <Text className='muted top-up-empty'>{t.topUpEmpty}</Text>
              ) : (
                <Text className='muted top-up-hint'>{t.topUpHint}</Text>
              )}
              {data.topUp.map((row) => (
                <View key={row.repairId} id={`top-up-${row.repairId}`} className='top-up-row'>
                  <Text className='top-up-address'>{row.address}</Text>
                  <Text className='top-up-name'>{row.residentName}</Text>
                  <Text className='muted top-up-completed'>{fill(t.completedAt, { when: formatWhen(row.completedAt) })}</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </LoadState>
    </View>
  );
}
