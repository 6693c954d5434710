import type { XlsxDownload, XlsxLink } from './open-xlsx.types';

/**
 * A linked .xlsx (an export, a printable form) in the browser: a download of the function's short-lived
 * link, which the browser shows and keeps; there is no chat to forward it to.
 */
export const downloadXlsx = (file: XlsxLink, onProgress: (percent: number) => void): XlsxDownload => {
  try {
    const link = document.createElement('a');
    link.href = file.url;
    link.download = file.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    onProgress(100);
    return { done: Promise.resolve({ ok: true, share: null }), cancel: () => undefined };
  } catch {
    return { done: Promise.resolve({ ok: false, cancelled: false }), cancel: () => undefined };
  }
};

/** A linked .xlsx downloaded in one go (the printable forms). */
export const openXlsx = async (file: XlsxLink): Promise<boolean> => (await downloadXlsx(file, () => undefined).done).ok;
