import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import * as session from '@shared/contracts/session.contract';
import { retryOf } from '@shared/contracts/errors';
import { threadKey, type ThreadLine } from '@shared/domain/notice-thread.rules';
import { call } from '../api';
import { sessionStore } from '../store/session.store';
import { useReadySession } from './useSession';

type Seen = Record<string, string>;
type Subject = ThreadLine['subject'];

/** What releases before issue 18's server marks kept on the phone: per thread key, the line she had read up to. */
const Legacy = z.record(z.string(), z.string());
const readLegacy = (key: string): Seen => {
  const stored = Legacy.safeParse(Taro.getStorageSync(key));
  return stored.success ? stored.data : {};
};

/** Threads opened on this phone since the app started, per membership, shared by the inbox and the home's badge. */
const opened = new Map<string, Seen>();
const listeners = new Set<() => void>();
const open = (scope: string, marks: Seen) => {
  opened.set(scope, { ...opened.get(scope), ...marks });
  for (const listener of listeners) listener();
};
const migrated = new Set<string>();
// Signing out (or in again) starts afresh: the server's marks are what count from then on.
sessionStore.subscribe(() => {
  if (sessionStore.get().status !== 'idle') return;
  opened.clear();
  migrated.clear();
});

/** A thread key back to its subject ("repair:rp_1" → { kind: "repair", id: "rp_1" }). */
const subjectOfKey = (key: string): Subject => ({ kind: key.slice(0, key.indexOf(':')), id: key.slice(key.indexOf(':') + 1) });

const send = (propertyId: string, marks: [string, string][]) =>
  call(session.markRead, { propertyId, threads: marks.slice(0, 50).map(([key, at]) => ({ subject: subjectOfKey(key), at })) });

/**
 * Sends the marks an older release kept on the phone up once, then forgets them: nobody sees old
 * notices unread again. Should one of them be refused (a thread no longer hers), the marks of the
 * threads her inbox shows go up instead. Not delivered: they stay on the phone for the next time.
 */
const migrate = async (scope: string, storageKey: string, propertyId: string, items: readonly ThreadLine[]) => {
  if (migrated.has(scope)) return;
  const legacy = readLegacy(storageKey);
  if (Object.keys(legacy).length === 0) return;
  migrated.add(scope);
  open(scope, legacy);
  const marks = Object.entries(legacy).sort((a, b) => b[1].localeCompare(a[1]));
  let res = await send(propertyId, marks);
  if (!res.ok && retryOf(res.code) === 'final') {
    const shown = new Set(items.map((i) => threadKey(i.subject)));
    const hers = marks.filter(([key]) => shown.has(key));
    res = hers.length ? await send(propertyId, hers) : res;
  }
  if (!res.ok && retryOf(res.code) !== 'final') {
    migrated.delete(scope);
    return;
  }
  Taro.removeStorageSync(storageKey);
};

/**
 * Issue 18 (3): which threads she has read. The server keeps it per member (`session.markRead`; the
 * inbox marks each line `read`), so a second phone or a reinstall shows the same; this adds the
 * threads opened here until the server's answer shows them, and moves an older release's phone
 * marks up once `items` (her inbox) has loaded.
 */
export const useSeenThreads = (items: readonly ThreadLine[] | null) => {
  const context = useReadySession();
  const propertyId = context?.property.propertyId ?? null;
  const scope = context ? `${context.property.propertyId}.${context.memberId}` : null;
  const storageKey = scope ? `seen.threads.${scope}` : null;
  const [seen, setSeen] = useState<Seen>(() => (scope ? { ...opened.get(scope) } : {}));
  useEffect(() => {
    if (!scope) return undefined;
    const update = () => setSeen({ ...opened.get(scope) });
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, [scope]);
  useEffect(() => {
    if (scope && storageKey && propertyId && items && context?.role === 'resident') void migrate(scope, storageKey, propertyId, items);
  }, [scope, storageKey, propertyId, items, context?.role]);
  const markSeen = useCallback(
    (subject: Subject, at: string) => {
      if (!scope || !storageKey || !propertyId || !at) return;
      open(scope, { [threadKey(subject)]: at });
      void call(session.markRead, { propertyId, threads: [{ subject, at }] }).then((res) => {
        // Not delivered: kept on the phone, and sent up with the next start's migration.
        if (!res.ok && retryOf(res.code) !== 'final') Taro.setStorageSync(storageKey, { ...readLegacy(storageKey), [threadKey(subject)]: at });
      });
    },
    [scope, storageKey, propertyId],
  );
  return { seen, markSeen };
};
