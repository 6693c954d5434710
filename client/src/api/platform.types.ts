import type { Transport } from './transport';

/** A file on the device, to show or upload. */
export interface PickedPhoto {
  /** Where the device holds it now (a temp path or blob: URL). */
  localPath: string;
  name: string;
}

/** A document the person chose, with its size in bytes. */
export interface PickedFile extends PickedPhoto {
  size: number;
}

export type DocumentKind = 'xlsx' | 'csv';

/** A document to hand to the person: text (a CSV) or bytes (base64), named with its extension. */
export type OfferedFile = { name: string; kind: DocumentKind } & ({ text: string } | { base64: string });

/** A live channel's callbacks: each signal's current number, "I am connected", and "I failed, poll instead". */
export interface LiveHandlers {
  note: (id: string, seq: number) => void;
  live: () => void;
  failed: () => void;
}

/**
 * Everything that differs between WeChat and the H5 build against the local runtime. Taro builds
 * `platform.weapp.ts` or `platform.h5.ts` into each target, so neither carries the other's code.
 */
export interface Platform {
  transport: Transport;
  /** Opens the live channel for these signals; answers a function that closes it. */
  watch: (ids: readonly string[], on: LiveHandlers) => () => void;
  /** How often the fallback asks `session.signals` when the live channel fails. */
  pollEveryMs: number;
  /** Camera or album; [] when the person cancels. */
  pickPhotos: (max: number) => Promise<PickedPhoto[]>;
  /**
   * A photo, a signature or a spreadsheet into the caller's own folder, under a random name: the file
   * id, or null when it failed. Nobody reads it back by that id: functions answer with links.
   */
  uploadFile: (file: PickedPhoto, uploadPrefix: string) => Promise<string | null>;
  /** One file with one of these extensions; null when the person cancels. */
  pickFile: (extensions: readonly DocumentKind[]) => Promise<PickedFile | null>;
  /** The kinds of document `offerFile` can hand over here (WeChat's document viewer opens no CSV). */
  offeredKinds: readonly DocumentKind[];
  /** Hands a document over: the browser downloads it, WeChat opens it in its viewer to forward or save; false when that failed. */
  offerFile: (file: OfferedFile) => Promise<boolean>;
  /**
   * Keeps a photo or signature (a temporary path, blob: or data: URL) on the phone until it is
   * uploaded, surviving the app being closed: a reference to it, or null when it could not be kept.
   */
  keepFile: (localPath: string) => Promise<string | null>;
  /** Something an `<Image>` shows for a kept file. */
  keptFileUrl: (ref: string) => string;
  /** Uploads a kept file into the caller's folder: the file id, or null (try again later). */
  uploadKeptFile: (ref: string, uploadPrefix: string) => Promise<string | null>;
  /** Deletes a kept file once the server has it. */
  dropKeptFile: (ref: string) => void;
  /** Calls back each time the device comes back online. */
  onReconnect: (listener: () => void) => void;
  /** Something `InnerAudioContext.src` accepts, holding these WAV bytes. */
  audioSource: (wav: ArrayBuffer) => Promise<string>;
  /**
   * WeChat's subscribe-message consent prompt for these templates: each one's answer ('accept',
   * 'reject', 'ban', 'filter'). It must be called synchronously inside a tap, before any await, as
   * WeChat allows the prompt nowhere else. null where there is no such prompt (H5).
   */
  askSubscribe: ((templateIds: readonly string[]) => Promise<Record<string, string>>) | null;
  /** The page to visit before anything else (local sign-in), or null. */
  signInPage: () => string | null;
  /** The user's WeChat font size as a factor of the standard one; undefined where the platform has none (H5). */
  systemFontScale: () => number | undefined;
  /** Once, when the app starts. */
  start: () => void;
}
