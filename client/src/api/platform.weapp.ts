import { cloudTransport, initCloud } from './cloud.transport';
import { applyUpdates } from './cloud.update';
import { askCloudSubscribe } from './cloud.subscribe';
import { cloudWatch } from './cloud.watch';
import { offerCloudFile, pickCloudFile } from './cloud.files';
import { cloudAudioSource, pickCloudPhotos, uploadCloudFile } from './cloud.storage';
import { dropKeptCloudFile, keepCloudFile, onCloudReconnect, uploadKeptCloudFile } from '../offline/kept.cloud';
import { systemFontScale } from './font-scale.weapp';
import type { Platform } from './platform.types';

/** WeChat: cloud functions, the database watch and cloud storage; identity comes from WeChat. */
export const platform: Platform = {
  transport: cloudTransport,
  watch: cloudWatch,
  pollEveryMs: 10_000,
  pickPhotos: pickCloudPhotos,
  uploadFile: uploadCloudFile,
  pickFile: pickCloudFile,
  offeredKinds: ['xlsx'],
  offerFile: offerCloudFile,
  keepFile: keepCloudFile,
  keptFileUrl: (ref) => ref,
  uploadKeptFile: uploadKeptCloudFile,
  dropKeptFile: dropKeptCloudFile,
  onReconnect: onCloudReconnect,
  audioSource: cloudAudioSource,
  askSubscribe: askCloudSubscribe,
  systemFontScale: systemFontScale,
  signInPage: () => null,
  start: () => {
    initCloud();
    applyUpdates();
  },
};
