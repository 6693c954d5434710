import { useEffect, useRef } from 'react';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { chime } from '../utils/chime';

/** Sounds once when an urgent repair waiting for dispatch appears while the page is open. */
export const useUrgentChime = (items: readonly RepairView[] | null) => {
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!items) return;
    const waiting = items.filter((r) => r.priority === 'urgent' && r.status === 'submitted').map((r) => r.id);
    if (known.current && waiting.some((id) => !known.current?.has(id))) chime.play();
    known.current = new Set([...(known.current ?? []), ...waiting]);
  }, [items]);
};
