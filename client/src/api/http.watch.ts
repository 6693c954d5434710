import { devToken } from './local-auth';
import type { LiveHandlers } from './platform.types';

/** The local runtime's Server-Sent Events, each `{ id, seq }`. */
export const httpWatch = (ids: readonly string[], on: LiveHandlers) => {
  let source: EventSource | null = null;
  try {
    const query = `ids=${encodeURIComponent(ids.join(','))}&token=${encodeURIComponent(devToken())}`;
    source = new EventSource(`/api/watch?${query}`);
    source.onopen = () => on.live();
    source.onmessage = (event: MessageEvent<string>) => {
      try {
        const { id, seq } = JSON.parse(event.data) as { id?: unknown; seq?: unknown };
        if (typeof id === 'string' && typeof seq === 'number') on.note(id, seq);
      } catch {
        /* dropped: the next event carries the latest number */
      }
    };
    source.onerror = () => {
      source?.close();
      source = null;
      on.failed();
    };
  } catch {
    on.failed();
  }
  return () => source?.close();
};
