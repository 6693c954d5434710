import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as imports from '@shared/contracts/imports.contract';
import { MAX_SHEET_BYTES } from '@shared/contracts/imports.contract';
import { platform } from '../../../api/platform';
import { useReadySession } from '../../../hooks/useSession';
import { useKeyImport } from '../../../hooks/useKeyImport';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { toastError } from '../../../utils/toast';
import TemplateCard from '../../supervisor/import/TemplateCard';
import KeyPreview from './KeyPreview';
import '../../../theme/controls.css';
import '../../supervisor/import/index.css';
import './index.css';

const SHEET = /\.(csv|xlsx)$/i;

/** K1: the desk loads its key cabinet from a spreadsheet: the template, the file checked and previewed, then committed. */
export default function KeyImportPage() {
  const context = useReadySession();
  const propertyId = context?.property.propertyId ?? null;
  const importer = useKeyImport(propertyId, context?.uploadPrefix ?? '');
  const [problem, setProblem] = useState('');
  const t = keysUi.import;
  const busy = importer.checking !== null || importer.committing;

  const report = (failed: string | null) => {
    if (!failed) return;
    setProblem(failed);
    toastError(failed);
  };
  const choose = async () => {
    if (busy) return;
    setProblem('');
    const file = await platform.pickFile(['xlsx', 'csv']);
    if (!file) return;
    if (!SHEET.test(file.name)) return setProblem(supervisorUi.roomImport.wrongType);
    if (file.size > MAX_SHEET_BYTES) return setProblem(t.fileProblems.too_large);
    report(await importer.preview(file));
  };

  return (
    <View className='page room-import key-import'>
      {propertyId && <TemplateCard propertyId={propertyId} action={imports.keyTemplate} hint={t.templateHint} />}
      <View className='card import-file'>
        <Text className='section-title'>{t.fileTitle}</Text>
        <Text className='muted import-hint'>{t.fileHint}</Text>
        <PrimaryButton className='btn-choose-file' busy={busy} onClick={choose}>
          {importer.checking ? fill(t.checking, { file: importer.checking }) : t.choose}
        </PrimaryButton>
        {problem && <Text className='field-error import-start-problem'>{problem}</Text>}
      </View>
      {importer.view && (
        <KeyPreview view={importer.view} committing={importer.committing} onCommit={() => void importer.commit().then(report)} onDone={() => void Taro.navigateBack()} />
      )}
    </View>
  );
}
