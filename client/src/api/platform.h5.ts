import { httpTransport } from './http.transport';
import { httpWatch } from './http.watch';
import { httpAudioSource, pickHttpPhotos, uploadHttpFile } from './http.storage';
import { devToken } from './local-auth';
import { offerHttpFile, pickHttpFile } from './http.files';
import { dropKeptHttpFile, keepHttpFile, keptHttpFileUrl, onHttpReconnect, uploadKeptHttpFile } from '../offline/kept.http';
import type { Platform } from './platform.types';

/** H5 against the local runtime: HTTP, Server-Sent Events, local storage, and demo sign-in. */
export const platform: Platform = {
  transport: httpTransport,
  watch: httpWatch,
  pollEveryMs: 5_000,
  pickPhotos: pickHttpPhotos,
  uploadFile: uploadHttpFile,
  pickFile: pickHttpFile,
  offeredKinds: ['xlsx', 'csv'],
  offerFile: offerHttpFile,
  keepFile: keepHttpFile,
  keptFileUrl: keptHttpFileUrl,
  uploadKeptFile: uploadKeptHttpFile,
  dropKeptFile: dropKeptHttpFile,
  onReconnect: onHttpReconnect,
  audioSource: httpAudioSource,
  askSubscribe: null,
  systemFontScale: () => undefined,
  signInPage: () => (process.env.LOCAL_DEV && !devToken() ? '/pages/dev-login/index' : null),
  start: () => undefined,
};
