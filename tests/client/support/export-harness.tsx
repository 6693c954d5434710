import { fireEvent, render } from '@testing-library/react';
import { View } from '@tarojs/components';
import ExportProgress from '../../../client/src/pages/reports/ExportProgress';
import { useXlsxExport } from '../../../client/src/pages/reports/useXlsxExport';
import { settle } from './fake-backend';

export const FILE = { fileName: '阳光花园2026年12月统计报表.xlsx', url: 'https://files.example/x1.xlsx?sign=1' };

type Built = { ok: true; data: typeof FILE } | { ok: false; code?: string; message: string };

/** The report page's 导出 Excel (its button and its progress), with the function's answer given when the test says. */
export const mountExport = () => {
  let answer: (value: Built) => void = () => undefined;
  /** The command id of each try, in order. */
  const sent: string[] = [];
  const build = (commandId: string) => {
    sent.push(commandId);
    return new Promise<Built>((resolve) => (answer = resolve));
  };
  function Harness() {
    const exporter = useXlsxExport();
    return (
      <View>
        <View className='btn-export' onClick={() => void exporter.start(build)}>
          {exporter.busy ? 'busy' : 'idle'}
        </View>
        <ExportProgress state={exporter.state} onCancel={exporter.cancel} onShare={() => void exporter.share()} />
      </View>
    );
  }
  const view = render(<Harness />);
  const q = (selector: string) => view.container.querySelector(selector);
  const tap = async (selector: string) => {
    fireEvent.click(q(selector) as Element);
    await settle();
  };
  return { q, tap, sent, answer: (value: Built) => answer(value) };
};
