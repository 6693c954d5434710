import Taro from '@tarojs/taro';
import type { LiveHandlers } from './platform.types';

interface SignalSnapshot {
  docs?: Array<{ _id?: unknown; seq?: unknown }>;
}

/** The cloud database's realtime watch on the public `signals` collection. */
export const cloudWatch = (ids: readonly string[], on: LiveHandlers) => {
  let watcher: { close: () => Promise<unknown> } | null = null;
  try {
    const db = Taro.cloud.database();
    watcher = db
      .collection('signals')
      .where({ _id: db.command.in([...ids]) })
      .watch({
        onChange: (snapshot) => {
          for (const doc of (snapshot as SignalSnapshot).docs ?? []) {
            if (typeof doc._id === 'string' && typeof doc.seq === 'number') on.note(doc._id, doc.seq);
          }
        },
        onError: () => {
          watcher = null;
          on.failed();
        },
      });
  } catch {
    on.failed();
  }
  return () => void watcher?.close().catch(() => undefined);
};
