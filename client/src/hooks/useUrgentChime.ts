import { useEffect, useRef } from 'react';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { chime } from '../utils/chime';

/** Sounds once when an id appears in `urgentIds` that was not there when the page opened or since. */
export const useChimeOnNew = (urgentIds: readonly string[] | null) => {
  const known = useRef<Set<string> | null>(null);
  const key = urgentIds?.join('\n') ?? null;
  useEffect(() => {
    if (key === null) return;
    const ids = key ? key.split('\n') : [];
    if (known.current && ids.some((id) => !known.current?.has(id))) chime.play();
    known.current = new Set([...(known.current ?? []), ...ids]);
  }, [key]);
};

/** Sounds once when an urgent repair waiting for dispatch appears while the page is open. */
export const useUrgentChime = (items: readonly RepairView[] | null) =>
  useChimeOnNew(items ? items.filter((r) => r.priority === 'urgent' && r.status === 'submitted').map((r) => r.id) : null);
