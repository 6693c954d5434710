import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as reports from '@shared/contracts/reports.contract';
import type { PeriodKind } from '@shared/time/report-period';
import { buildingRows, callbackRows, categoryRows, classRows, summaryRows, technicianRows } from '@shared/messages/report-rows';
import { call } from '../../../api';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import { useReport } from '../../../hooks/useReports';
import { useReadySession } from '../../../hooks/useSession';
import { words } from '../words';
import ExportProgress from '../ExportProgress';
import FigureTable from '../FigureTable';
import PeriodBar from '../PeriodBar';
import RecentExports from '../RecentExports';
import ReportChart from '../ReportChart';
import { periodAt } from '../periods';
import { rateChart, seriesOf } from '../charts';
import { useXlsxExport } from '../useXlsxExport';
import '../../../theme/controls.css';
import '../reports.css';

const KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter'];

/**
 * Issue 17 (2): the supervisor's and the manager's report: a week, month or quarter against the one
 * before (R11 R12 R7 C8 B4 R13 C7), with charts, and the same as an Excel file to forward.
 */
export default function ReportPage() {
  const t = words;
  const now = useMemo(() => new Date(), []);
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState(() => periodAt('month', now));
  const context = useReadySession();
  const { data, loading, error, refresh } = useReport(period);
  const exporter = useXlsxExport();

  return (
    <View className='page reports-page'>
      <View className='report-top'>
        <View className='report-controls'>
          <PeriodBar kinds={KINDS} kind={kind} period={period} now={now} onChange={(p, k) => { setPeriod(p); setKind(k); }} />
          <View className='report-export'>
            <PrimaryButton id='report-export' className='btn-export' busy={exporter.busy} disabled={!data || !context} onClick={() => data && context && exporter.start((commandId) => call(reports.exportXlsx, { propertyId: context.property.propertyId, period }, { commandId }), period)}>
              {t.export}
            </PrimaryButton>
            <ExportProgress state={exporter.state} onCancel={exporter.cancel} onShare={() => void exporter.share()} />
            <Text className='muted report-export-hint'>{t.exportHint}</Text>
          </View>
        </View>
        <RecentExports step={exporter.state.step} />
      </View>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && (
          <View className='report-body'>
            <View className='card report-summary'>
              <Text className='section-title'>{t.sections.summary}</Text>
              <FigureTable className='summary-table' head={[t.columns.item, t.current, t.previous, t.change]} rows={summaryRows(data.current, data.before)} />
            </View>
            <View className='card report-rates'>
              <Text className='section-title'>{t.charts.rates}</Text>
              <ReportChart id='chart-rates' label={t.charts.rates} data={rateChart(data.current, data.before)} />
            </View>
            <View className='card report-categories'>
              <Text className='section-title'>{t.charts.byCategory}</Text>
              <ReportChart id='chart-categories' label={t.charts.byCategory} data={seriesOf(categoryRows(data.current, data.before))} />
              <FigureTable className='category-table' head={[t.columns.category, t.current, t.previous, t.change]} rows={categoryRows(data.current, data.before)} />
            </View>
            {[
              { key: 'buildings', title: t.sections.byBuilding, first: t.columns.building, rows: buildingRows(data.current, data.before) },
              { key: 'complaints', title: t.sections.complaints, first: t.columns.category, rows: classRows(data.current, data.before) },
            ].map((table) => (
              <View key={table.key} className={`card report-${table.key}`}>
                <Text className='section-title'>{table.title}</Text>
                <FigureTable className={`${table.key}-table`} head={[table.first, t.current, t.previous, t.change]} rows={table.rows} />
              </View>
            ))}
            <View className='card report-callbacks'>
              <Text className='section-title'>{t.sections.callbacks}</Text>
              <FigureTable
                className='callback-table'
                head={[t.columns.kind, t.columns.planned, t.columns.done, t.columns.rate, `${t.previous}${t.columns.rate}`]}
                rows={callbackRows(data.current, data.before)}
              />
            </View>
            <View className='card report-technicians'>
              <Text className='section-title'>{t.sections.technicians}</Text>
              {data.current.technicians.length === 0 ? (
                <Text className='muted'>{t.noTechnicians}</Text>
              ) : (
                <FigureTable
                  className='technician-table'
                  head={[t.columns.technician, t.columns.returnedCount, t.columns.ratings, t.columns.quality, t.columns.attitude, t.columns.onTime]}
                  rows={technicianRows(data.current)}
                />
              )}
            </View>
          </View>
        )}
      </LoadState>
    </View>
  );
}
