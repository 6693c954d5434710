import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { MAX_SHEET_BYTES } from '@shared/contracts/imports.contract';
import { platform } from '../../../api/platform';
import { useReadySession } from '../../../hooks/useSession';
import { useRoomImport } from '../../../hooks/useRoomImport';
import PrimaryButton from '../../../components/PrimaryButton';
import PrivacyConsent from '../../../components/PrivacyConsent';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { toastError } from '../../../utils/toast';
import AddRoomForm from './AddRoomForm';
import RenameBuildingForm from './RenameBuildingForm';
import ImportResult from './ImportResult';
import TemplateCard from './TemplateCard';
import '../../../theme/controls.css';
import './index.css';

const SHEET = /\.(csv|xlsx)$/i;

/** Issue 7 (2): the manager loads the property's buildings, units and rooms from a spreadsheet, and adds a room by hand. */
export default function RoomImportPage() {
  const context = useReadySession();
  const propertyId = context?.property.propertyId ?? null;
  const importer = useRoomImport(propertyId, context?.uploadPrefix ?? '');
  const [problem, setProblem] = useState('');
  const t = supervisorUi.roomImport;
  /** Checking a file, or writing one that has not stopped: one import at a time. */
  const busy = importer.checking !== null || (importer.view?.status === 'writing' && importer.stalled === null);

  const choose = async () => {
    if (busy) return;
    setProblem('');
    const file = await platform.pickFile(['xlsx', 'csv']);
    if (!file) return;
    if (!SHEET.test(file.name)) return setProblem(t.wrongType);
    if (file.size > MAX_SHEET_BYTES) return setProblem(t.tooBig);
    const failed = await importer.start(file);
    if (failed) {
      setProblem(failed);
      toastError(failed);
    }
  };

  return (
    <View className='page room-import'>
      <Text className='title'>{t.title}</Text>
      {propertyId && <TemplateCard propertyId={propertyId} />}
      <View className='card import-file'>
        <Text className='section-title'>{t.fileTitle}</Text>
        <Text className='muted import-hint'>{t.fileHint}</Text>
        <PrimaryButton className='btn-choose-file' busy={busy} onClick={choose}>
          {importer.checking ? fill(t.checking, { file: importer.checking }) : t.choose}
        </PrimaryButton>
        {problem && <Text className='field-error import-start-problem'>{problem}</Text>}
      </View>
      {importer.view && <ImportResult view={importer.view} stalled={importer.stalled} onResume={() => void importer.resume()} />}
      {propertyId && <AddRoomForm propertyId={propertyId} />}
      {propertyId && <RenameBuildingForm propertyId={propertyId} />}
      <PrivacyConsent />
    </View>
  );
}
