/**
 * Tracks the sequence number of each watched signal and reports a change once per burst. The first
 * number seen for a signal also counts: a change may have landed between the page's first fetch
 * and the watch starting.
 */
export const changeTracker = (onChange: () => void, quietMs = 300) => {
  const seen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const note = (id: string, seq: number) => {
    if (seen.get(id) === seq) return;
    seen.set(id, seq);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, quietMs);
  };
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return { note, stop };
};

export type Tracker = ReturnType<typeof changeTracker>;
