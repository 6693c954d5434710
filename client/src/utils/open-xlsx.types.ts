/** A linked .xlsx as a function answers it: its name and a short-lived URL. */
export interface XlsxLink {
  fileName: string;
  url: string;
}

/** What became of a linked file: open (WeChat) or downloaded (browser), and how to forward it to a chat where the platform can. */
export type XlsxOutcome = { ok: true; share: (() => Promise<boolean>) | null } | { ok: false; cancelled: boolean };

/** A download under way: its outcome, and a way to stop it. */
export interface XlsxDownload {
  done: Promise<XlsxOutcome>;
  cancel: () => void;
}
