import Taro from '@tarojs/taro';
import type { LiveHandlers } from './platform.types';

interface SignalSnapshot {
  docs?: Array<{ _id?: unknown; seq?: unknown }>;
}

/**
 * The cloud database's realtime watch on the public `signals` collection. Its first `onChange` is the
 * initial snapshot (`type: 'init'`): the watch is live. `onError` means it has ended for good
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/database/realtime.html).
 * A session watches at most two signal documents, far under the 5000 a watch may hold
 * (https://cloud.tencent.com/document/product/876/41801).
 */
export const cloudWatch = (ids: readonly string[], on: LiveHandlers) => {
  let watcher: { close: () => Promise<unknown> } | null = null;
  try {
    const db = Taro.cloud.database();
    watcher = db
      .collection('signals')
      .where({ _id: db.command.in([...ids]) })
      .watch({
        onChange: (snapshot) => {
          on.live();
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
