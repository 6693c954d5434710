import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { retryOf } from '@shared/contracts/errors';
import { newCommandId } from '../../api/command-id';
import { fill } from '../../i18n/ui.zh-CN';
import { downloadXlsx } from '../../utils/open-xlsx';
import type { XlsxDownload, XlsxLink } from '../../utils/open-xlsx.types';
import { toastError, toastOk } from '../../utils/toast';
import { words } from './words';

/** Where an export stands: the function building the file, the file coming down, or the file ready (to forward where WeChat can). */
export type ExportState =
  | { step: 'idle' }
  | { step: 'building' }
  /** The function answered that the file was not made (its export is failed in 最近导出 too): its words, until the next tap. */
  | { step: 'failed'; message: string }
  | { step: 'downloading'; percent: number }
  | { step: 'ready'; fileName: string; share: (() => Promise<boolean>) | null };

type Built = { ok: true; data: XlsxLink } | { ok: false; code?: string; message: string };

/** Whether the same command may still be answered differently: nothing came back, or the server did not decide (then the next tap sends it again). */
const undecided = (code: string | undefined) => code === undefined || retryOf(code) !== 'final';

const IDLE: ExportState = { step: 'idle' };

/**
 * 导出 Excel with its progress (issue 17, 2): building, then downloading with a percentage, cancellable
 * in both. A cancelled build still finishes on the server; its answer is dropped. A cancelled download is
 * aborted where the platform can (WeChat's DownloadTask).
 *
 * `build` gets the export's command id: the same one for every try of the same export (`key`, the
 * period) until the function decides it, so a tap again after no answer, a cancel or a busy server
 * answers the file the first try made instead of recording a second export; a file made, or a final
 * refusal, lets the next tap start a new export.
 */
export const useXlsxExport = () => {
  const [state, setState] = useState<ExportState>(IDLE);
  const run = useRef(0);
  const download = useRef<XlsxDownload | null>(null);
  const pending = useRef<{ key: string; commandId: string } | null>(null);
  const busy = state.step === 'building' || state.step === 'downloading';

  const start = async (build: (commandId: string) => Promise<Built>, key = '') => {
    if (busy) return;
    run.current += 1;
    const mine = run.current;
    const current = () => run.current === mine;
    if (pending.current?.key !== key) pending.current = { key, commandId: newCommandId() };
    const sent = pending.current;
    setState({ step: 'building' });
    const res = await build(sent.commandId);
    if (pending.current === sent && (res.ok || !undecided(res.code))) pending.current = null;
    if (!current()) return;
    if (!res.ok) {
      if (res.code === 'REPORT.EXPORT_FAILED') return setState({ step: 'failed', message: res.message });
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
