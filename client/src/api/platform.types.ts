import type { Transport } from './transport';

export interface PickedPhoto {
  /** Where the device holds it now (a temp path or blob: URL). */
  localPath: string;
  name: string;
}

/** A live channel's callbacks: each signal's current number, and "I failed, poll instead". */
export interface LiveHandlers {
  note: (id: string, seq: number) => void;
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
  /** Into the caller's own folder; the file id, or null when it failed. */
  uploadPhoto: (photo: PickedPhoto, uploadPrefix: string) => Promise<string | null>;
  /** Displayable URLs in the same order; '' for a photo that cannot be shown. */
  photoUrls: (fileIDs: readonly string[]) => Promise<string[]>;
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
  /** The page to visit before anything else (local sign-in), or null. */
  signInPage: () => string | null;
  /** Once, when the app starts. */
  start: () => void;
}
