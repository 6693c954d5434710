import { useCallback, useState } from 'react';
import * as imports from '@shared/contracts/imports.contract';
import type { KeyImportView } from '@shared/contracts/imports.contract';
import { call } from '../api';
import { platform } from '../api/platform';
import type { PickedFile } from '../api/platform.types';
import { supervisorUi } from '../i18n/supervisor.zh-CN';

export type { KeyImportView };

/**
 * K1: the key register from a spreadsheet. The file goes into the caller's own storage folder and
 * `imports.previewKeys` names it (a file never travels inside a call); the preview (each problem by
 * row and column, or the keys as they will be written) is shown, and `imports.commitKeys` writes it.
 */
export const useKeyImport = (propertyId: string | null, uploadPrefix: string) => {
  const [view, setView] = useState<KeyImportView | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);

  /** Uploads and checks a file; answers why that failed, or null. */
  const preview = useCallback(
    async (file: PickedFile): Promise<string | null> => {
      if (!propertyId) return null;
      setView(null);
      setChecking(file.name);
      const fileId = await platform.uploadFile(file, uploadPrefix);
      if (!fileId) {
        setChecking(null);
        return supervisorUi.roomImport.uploadFailed;
      }
      const res = await call(imports.previewKeys, { propertyId, fileName: file.name, fileId });
      setChecking(null);
      if (!res.ok) return res.message;
      setView(res.data);
      return null;
    },
    [propertyId, uploadPrefix],
  );

  /** Writes the previewed file; answers why that failed, or null. */
  const commit = useCallback(async (): Promise<string | null> => {
    if (!propertyId || !view?.id) return null;
    setCommitting(true);
    const res = await call(imports.commitKeys, { propertyId, importId: view.id });
    setCommitting(false);
    if (!res.ok) return res.message;
    setView(res.data);
    return null;
  }, [propertyId, view]);

  return { view, checking, committing, preview, commit };
};
