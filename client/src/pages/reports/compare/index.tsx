import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { PeriodKind } from '@shared/time/report-period';
import { propertyRows } from '@shared/messages/report-rows';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { useComparison } from '../../../hooks/useReports';
import { words } from '../words';
import FigureTable from '../FigureTable';
import PeriodBar from '../PeriodBar';
import ReportChart from '../ReportChart';
import { compareChart } from '../charts';
import { periodAt } from '../periods';
import '../../../theme/controls.css';
import '../reports.css';

const KINDS: readonly PeriodKind[] = ['month', 'quarter'];

/** Issue 14 (3): the administrator compares the company's properties on the same figures, per month and quarter. */
export default function ComparePage() {
  const t = words;
  const now = useMemo(() => new Date(), []);
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState(() => periodAt('month', now));
  const list = useComparison(period);
  const items = list.items ?? [];
  return (
    <View className='page reports-page compare-page'>
      <PeriodBar kinds={KINDS} kind={kind} period={period} now={now} onChange={(p, k) => { setPeriod(p); setKind(k); }} />
      <LoadState loading={list.loading} error={list.error} onRetry={() => void list.refresh()} empty={list.items?.length === 0 ? t.empty : null}>
        {items.length > 0 && (
          <View className='card compare-chart'>
            <Text className='section-title'>{t.charts.compare}</Text>
            <ReportChart id='chart-compare' label={t.charts.compare} type='bar' height={Math.max(200, items.length * 72)} data={compareChart(items)} />
          </View>
        )}
        <View className='compare-list'>
          {items.map((p) => (
            <View key={p.propertyId} id={`compare-${p.propertyId}`} className='card compare-property'>
              <Text className='section-title'>{p.name}</Text>
              <FigureTable className='property-table' head={[t.columns.item, t.current, t.previous, t.change]} rows={propertyRows(p.current, p.before)} />
            </View>
          ))}
        </View>
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
