import { fireEvent, render } from '@testing-library/react';
import type { ExportView } from '@shared/contracts/reports.contract';
import RecentExports from '../../client/src/pages/reports/RecentExports';
import { openXlsx } from '../../client/src/utils/open-xlsx';
import { fakeBackend, okPage, settle, until } from './support/fake-backend';
import { sessionHandlers } from './support/fixtures';

jest.mock('../../client/src/utils/open-xlsx', () => ({ openXlsx: jest.fn(() => Promise.resolve(true)) }));

const item = (over: Partial<ExportView> & { exportId: string }): ExportView => ({
  fileName: null,
  period: '2026-11',
  status: 'building',
  startedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
  url: null,
  commandId: null,
  ...over,
});

const FILE = { fileName: '示范小区2026年11月统计报表.xlsx', url: '/api/storage/file?path=x' };

const show = async (items: ExportView[]) => {
  const backend = fakeBackend({ ...sessionHandlers('supervisor'), 'reports.recentExports': () => okPage(items), 'reports.exportXlsx': () => ({ ok: true, data: FILE }) });
  const view = render(<RecentExports step='idle' />);
  await until(() => backend.callsTo('reports.recentExports').length === 1);
  await settle();
  return { ...view, backend };
};

describe('issue 17 (2): 最近导出 on the report page', () => {
  it('lists the caller\'s exports: 打开 for a ready one sends its own command again and opens the file it answers, 生成中 and 失败 for the others', async () => {
    const { container, backend } = await show([
      item({ exportId: 'ex_3', status: 'ready', fileName: FILE.fileName, commandId: 'cmd-first-export-000001' }),
      item({ exportId: 'ex_2', status: 'building', period: '2026-Q4' }),
      item({ exportId: 'ex_1', status: 'failed', period: '2026-11-30' }),
    ]);
    expect(backend.callsTo('reports.recentExports')[0]?.input).toMatchObject({ propertyId: expect.any(String) });
    expect(container.querySelector('.recent-exports .section-title')?.textContent).toBe('最近导出');
    const rows = Array.from(container.querySelectorAll('.recent-export'));
    expect(rows.map((r) => r.className.match(/recent-export-(\w+)/)?.[1])).toEqual(['ready', 'building', 'failed']);
    expect(rows[0]?.textContent).toContain('2026年11月统计报表');
    expect(rows[1]?.querySelector('.recent-export-tag')?.textContent).toBe('生成中');
    expect(rows[2]?.querySelector('.recent-export-tag')?.textContent).toBe('失败');
    expect(container.querySelectorAll('.recent-export-open')).toHaveLength(1);
    fireEvent.click(container.querySelector('.recent-export-open') as Element);
    await settle();
    expect(backend.callsTo('reports.exportXlsx').map((c) => c.input)).toEqual([expect.objectContaining({ period: '2026-11', commandId: 'cmd-first-export-000001' })]);
    expect(openXlsx).toHaveBeenCalledWith(FILE);
  });

  it('says so when nothing was exported in the last 7 days', async () => {
    const { container } = await show([]);
    expect(container.querySelector('.recent-exports .list-empty')?.textContent).toContain('近 7 天没有导出过报表');
    expect(container.querySelector('.recent-export')).toBeNull();
  });

  it('reads the list again as the page\'s own export moves on, so the new one shows without leaving the page', async () => {
    const { rerender, backend } = await show([]);
    rerender(<RecentExports step='building' />);
    await until(() => backend.callsTo('reports.recentExports').length === 2);
    rerender(<RecentExports step='ready' />);
    await until(() => backend.callsTo('reports.recentExports').length === 3);
    await settle();
    expect(backend.callsTo('reports.recentExports')).toHaveLength(3);
  });
});
