import * as session from '@shared/contracts/session.contract';
import { call } from './index';
import { platform } from './platform';
import { changeTracker } from './signals';

export type Unsubscribe = () => void;

/**
 * Calls `onChange` when any of the signals moves, so the page fetches again through its function
 * (signals carry no data). Live where the platform allows; if the live channel fails, it polls
 * `session.signals` instead.
 */
export const watchSignals = (ids: readonly string[], onChange: () => void, propertyId: string): Unsubscribe => {
  if (ids.length === 0) return () => undefined;
  const tracker = changeTracker(onChange);
  const wanted = new Set(ids);
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;

  const tick = async () => {
    const res = await call(session.signals, { propertyId });
    if (stopped || !res.ok) return;
    for (const s of res.data.signals) if (wanted.has(s.id)) tracker.note(s.id, s.seq);
  };
  const failed = () => {
    if (stopped || pollTimer) return;
    pollTimer = setInterval(() => void tick(), platform.pollEveryMs);
    void tick();
  };

  const close = platform.watch(ids, { note: tracker.note, failed });
  return () => {
    stopped = true;
    tracker.stop();
    close();
    if (pollTimer) clearInterval(pollTimer);
  };
};
