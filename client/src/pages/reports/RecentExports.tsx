import { useEffect } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as reports from '@shared/contracts/reports.contract';
import { periodName } from '@shared/messages/period-name';
import Cell from '../../components/kit/Cell';
import ListFooter from '../../components/ListFooter';
import ListState from '../../components/ListState';
import StatusTag from '../../components/StatusTag';
import type { Tone } from '../../components/StatusTag/tones';
import { call } from '../../api';
import { usePagedAction } from '../../hooks/usePagedAction';
import { useReadySession } from '../../hooks/useSession';
import { fill } from '../../i18n/ui.zh-CN';
import { openXlsx } from '../../utils/open-xlsx';
import { formatWhen } from '../../utils/time';
import { toastError } from '../../utils/toast';
import type { ExportState } from './useXlsxExport';
import { words } from './words';

const tones = { building: 'active', ready: 'done', failed: 'alert' } as const satisfies Record<reports.ExportView['status'], Tone>;

/**
 * Issue 17 (2): the caller's exports of the last 7 days, read again whenever the page shows and whenever
 * the page's own export moves on (`step`: it appears as 生成中, then ready), so a report built while the
 * supervisor was away is opened here later: 打开 sends the export's own command again, whose answer is
 * the same file with a fresh link (the list links nothing itself).
 */
export default function RecentExports({ step }: { step: ExportState['step'] }) {
  const t = words.recent;
  const context = useReadySession();
  const list = usePagedAction(reports.recentExports, context ? { propertyId: context.property.propertyId } : null, { bottom: false });
  const { refresh } = list;
  useEffect(() => {
    if (step !== 'idle') void refresh();
  }, [step, refresh]);

  const titleOf = (item: reports.ExportView) => `${periodName(item.period)}${words.titles.report}`;
  const open = async (item: reports.ExportView) => {
    if (!context || !item.commandId) return toastError(words.exportFailed);
    const res = await call(reports.exportXlsx, { propertyId: context.property.propertyId, period: item.period }, { commandId: item.commandId });
    if (!res.ok) return toastError(res.message);
    if (!(await openXlsx({ fileName: res.data.fileName, url: res.data.url }))) toastError(words.exportFailed);
  };

  return (
    <View className='card recent-exports'>
      <Text className='section-title'>{t.title}</Text>
      <Text className='muted recent-exports-hint'>{t.hint}</Text>
      <ListState loading={list.loading} error={list.error} onRetry={() => void list.refresh()} empty={list.items?.length === 0 ? t.empty : null}>
        {list.items?.map((item) => (
          <Cell
            key={item.exportId}
            className={`recent-export recent-export-${item.status}`}
            title={titleOf(item)}
            description={fill(t.startedAt, { at: formatWhen(item.startedAt) })}
            extra={
              item.status === 'ready' && item.commandId ? (
                <Button className='btn btn-plain recent-export-open' onClick={() => void open(item)}>
                  {t.open}
                </Button>
              ) : (
                <StatusTag tone={tones[item.status]} label={t.status[item.status]} className={`recent-export-tag tag-${item.status}`} />
              )
            }
          />
        ))}
        <ListFooter list={list} />
      </ListState>
    </View>
  );
}
