import { useCallback, useEffect, useRef, useState } from 'react';
import * as imports from '@shared/contracts/imports.contract';
import type { ImportView } from '@shared/contracts/imports.contract';
import { commonErrors } from '@shared/messages/common.zh-CN';
import { call } from '../api';
import { platform } from '../api/platform';
import type { PickedFile } from '../api/platform.types';
import { supervisorUi } from '../i18n/supervisor.zh-CN';

export type { ImportView };

/** Calls in a row that wrote nothing before the page stops and offers to carry on by hand. */
const MAX_IDLE_CALLS = 3;

export interface RoomImport {
  /** The last answer: refused with its problems, still writing, or done. */
  view: ImportView | null;
  /** The name of the file being checked, while `imports.start` is under way. */
  checking: string | null;
  /** Why the writing stopped before it was done (the network, the server); `resume` carries on. */
  stalled: string | null;
  /** Uploads the file, has it checked and starts writing it; answers why that failed, or null. */
  start: (file: PickedFile) => Promise<string | null>;
  resume: () => Promise<void>;
}

/**
 * Issue 7 (2): the file goes into the manager's own storage folder and `imports.start` names it
 * (issue 13.1.5: a file never travels inside a call). A checked file is written in chunks, each
 * `imports.carryOn` writing a few; the page calls it again until the import is done, showing the
 * count as it grows. Leaving the page, or starting another file, stops the calls; the server's
 * timer finishes what was started.
 */
export const useRoomImport = (propertyId: string | null, uploadPrefix: string): RoomImport => {
  const [view, setView] = useState<ImportView | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [stalled, setStalled] = useState<string | null>(null);
  /** The run whose answers are shown; 0 once the page is gone. */
  const run = useRef(1);
  useEffect(
    () => () => {
      run.current = 0;
    },
    [],
  );

  const carryOn = useCallback(
    async (from: ImportView, mine: number) => {
      const importId = from.id;
      if (!propertyId || !importId) return;
      let current = from;
      let idle = 0;
      while (run.current === mine && current.status === 'writing') {
        const res = await call(imports.carryOn, { propertyId, importId });
        if (run.current !== mine) return;
        if (!res.ok) return setStalled(res.message);
        idle = res.data.written > current.written ? 0 : idle + 1;
        current = res.data;
        setView(current);
        if (idle >= MAX_IDLE_CALLS && current.status === 'writing') return setStalled(commonErrors['COMMON.BUSY']);
      }
    },
    [propertyId],
  );

  const start = useCallback(
    async (file: PickedFile) => {
      if (!propertyId || run.current === 0) return null;
      const mine = ++run.current;
      setView(null);
      setStalled(null);
      setChecking(file.name);
      const fileId = await platform.uploadFile(file, uploadPrefix);
      if (!fileId) {
        setChecking(null);
        return supervisorUi.roomImport.uploadFailed;
      }
      const res = await call(imports.start, { propertyId, fileName: file.name, fileId });
      if (run.current !== mine) return null;
      setChecking(null);
      if (!res.ok) return res.message;
      setView(res.data);
      await carryOn(res.data, mine);
      return null;
    },
    [propertyId, uploadPrefix, carryOn],
  );

  const resume = useCallback(async () => {
    if (!view || run.current === 0) return;
    setStalled(null);
    await carryOn(view, ++run.current);
  }, [view, carryOn]);

  return { view, checking, stalled, start, resume };
};
