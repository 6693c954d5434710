import Taro from '@tarojs/taro';
import { call } from '../api';
import { newCommandId } from '../api/command-id';
import { platform } from '../api/platform';
import { createCommandQueue } from './command-queue';
import { commandSender } from './commands';
import { saveOrderView } from './snapshots';

const TICK_MS = 15_000;

/** The phone's one queue of on-site commands, kept in storage and sent through the api client. */
export const onSiteQueue = createCommandQueue({
  storage: { getItem: (key) => Taro.getStorageSync(key), setItem: (key, value) => Taro.setStorageSync(key, value) },
  send: commandSender(call),
  upload: (ref, uploadPrefix) => platform.uploadKeptFile(ref, uploadPrefix),
  dropFile: (ref) => platform.dropKeptFile(ref),
  onAck: (_command, view) => saveOrderView(view),
  now: () => new Date(),
  newCommandId: () => newCommandId(),
});

let started = false;
let ticker: ReturnType<typeof setInterval> | null = null;

const flushNow = () => void onSiteQueue.flush({ force: true });

/** A tick every 15 s only while something waits. */
const keepTicking = () => {
  const waiting = onSiteQueue.state().commands.length > 0;
  if (waiting && !ticker) ticker = setInterval(() => void onSiteQueue.flush(), TICK_MS);
  if (!waiting && ticker) {
    clearInterval(ticker);
    ticker = null;
  }
};

/**
 * Once per app life, from the technician's pages: send what is queued now, whenever the app comes
 * back to the front or the network comes back, and every 15 s while anything waits.
 */
export const startOnSiteSync = () => {
  if (started) return;
  started = true;
  Taro.onAppShow(flushNow);
  platform.onReconnect(flushNow);
  onSiteQueue.subscribe(keepTicking);
  keepTicking();
  flushNow();
};
