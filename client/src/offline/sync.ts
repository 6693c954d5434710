import Taro from '@tarojs/taro';
import { call } from '../api';
import { newCommandId } from '../api/command-id';
import { platform } from '../api/platform';
import { createCommandQueue } from './command-queue';
import { commandSender, type QueuedCommand, type RepairView } from './commands';
import { saveOrderView } from './snapshots';

const TICK_MS = 15_000;

/** The phone's one queue of on-site commands, kept in storage and sent through the api client. */
export const onSiteQueue = createCommandQueue({
  storage: { getItem: (key) => Taro.getStorageSync(key), setItem: (key, value) => Taro.setStorageSync(key, value) },
  send: commandSender(call),
  upload: (ref, uploadPrefix) => platform.uploadKeptFile(ref, uploadPrefix),
  dropFile: (ref) => platform.dropKeptFile(ref),
  onAck: (command, view) => acknowledged(command, view),
  now: () => new Date(),
  newCommandId: () => newCommandId(),
});

/** An order whose queued steps have all reached the server (its id), or the signal came back (null). */
type News = (repairId: string | null) => void;
const listeners = new Set<News>();
const tell = (repairId: string | null) => listeners.forEach((l) => l(repairId));

/**
 * Pages showing the server's state read it again when there is news: the list and the open order
 * stop showing what the phone guessed (a finished job as 维修中) once the server has the steps.
 */
export const onServerNews = (listener: News) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

function acknowledged(command: QueuedCommand, view: RepairView): void {
  saveOrderView(view);
  if (!onSiteQueue.state().commands.some((c) => c.repairId === command.repairId)) tell(command.repairId);
}

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
  platform.onReconnect(() => {
    flushNow();
    tell(null);
  });
  onSiteQueue.subscribe(keepTicking);
  keepTicking();
  flushNow();
};
