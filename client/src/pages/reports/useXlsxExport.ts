import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { fill } from '../../i18n/ui.zh-CN';
import { downloadXlsx } from '../../utils/open-xlsx';
import type { XlsxDownload, XlsxLink } from '../../utils/open-xlsx.types';
import { toastError, toastOk } from '../../utils/toast';
import { words } from './words';

/** Where an export stands: the function building the file, the file coming down, or the file ready (to forward where WeChat can). */
export type ExportState =
  | { step: 'idle' }
  | { step: 'building' }
  | { step: 'downloading'; percent: number }
  | { step: 'ready'; fileName: string; share: (() => Promise<boolean>) | null };

type Built = { ok: true; data: XlsxLink } | { ok: false; message: string };

const IDLE: ExportState = { step: 'idle' };

/**
 * 导出 Excel with its progress (issue 17, 2): building, then downloading with a percentage, cancellable
 * in both. A cancelled build still finishes on the server; its answer is dropped. A cancelled download is
 * aborted where the platform can (WeChat's DownloadTask).
 */
export const useXlsxExport = () => {
  const [state, setState] = useState<ExportState>(IDLE);
  const run = useRef(0);
  const download = useRef<XlsxDownload | null>(null);
  const busy = state.step === 'building' || state.step === 'downloading';

  const start = async (build: () => Promise<Built>) => {
    if (busy) return;
    run.current += 1;
    const mine = run.current;
    const current = () => run.current === mine;
    setState({ step: 'building' });
    const res = await build();
    if (!current()) return;
    if (!res.ok) {
      setState(IDLE);
      return toastError(res.message);
    }
    setState({ step: 'downloading', percent: 0 });
    download.current = downloadXlsx(res.data, (percent) => current() && setState({ step: 'downloading', percent }));
    const outcome = await download.current.done;
    if (!current()) return;
    download.current = null;
    if (!outcome.ok) {
      setState(IDLE);
      return outcome.cancelled ? undefined : toastError(words.exportFailed);
    }
    setState({ step: 'ready', fileName: res.data.fileName, share: outcome.share });
    toastOk(fill(words.exportReady, { name: res.data.fileName }));
  };

  const cancel = () => {
    run.current += 1;
    download.current?.cancel();
    download.current = null;
    setState(IDLE);
    void Taro.showToast({ title: words.exportCancelled, icon: 'none' }).catch(() => undefined);
  };

  const share = async () => {
    if (state.step !== 'ready' || !state.share) return;
    if (!(await state.share())) toastError(words.exportShareFailed);
  };

  return { state, busy, start, cancel, share };
};
