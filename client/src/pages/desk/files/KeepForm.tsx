import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import * as files from '@shared/contracts/files.contract';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { useFileWrite, type FileView, type KeptFile } from '../../../hooks/useFiles';
import { filesUi } from '../../../i18n/files.zh-CN';

const platesOf = (typed: string) =>
  typed
    .split(/[,，、\s]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((plate) => ({ plate, note: '' }));

/** P1: the vehicles and notes the property keeps on a household, changed under the same grant. */
export default function KeepForm({ propertyId, file, onSaved, onCancel }: { propertyId: string; file: FileView; onSaved: (kept: KeptFile) => void; onCancel: () => void }) {
  const t = filesUi;
  const [plates, setPlates] = useState(file.vehicles.map((v) => v.plate).join('，'));
  const [memo, setMemo] = useState(file.memo);
  const { busy, write } = useFileWrite();
  const save = async () => {
    const kept = file.vehicles;
    const vehicles = platesOf(plates).map((v) => kept.find((k) => k.plate === v.plate) ?? v);
    const saved = await write(files.keep, { propertyId, roomId: file.roomId, version: file.version, vehicles, memo: memo.trim() }, t.saved);
    if (saved) onSaved(saved);
  };
  return (
    <View className='files-keep'>
      <LineField label={t.plate} inputClass='files-plates' value={plates} maxlength={120} placeholder={t.platePlaceholder} errorClass='error-files-plates' onChange={setPlates} />
      <ReasonField label={t.memo} labelClass='line-label' inputClass='files-memo' value={memo} placeholder='' maxlength={500} onChange={setMemo} />
      <View className='files-keep-actions'>
        <Button className='btn btn-secondary btn-files-cancel' onClick={onCancel}>
          {t.cancel}
        </Button>
        <PrimaryButton className='btn-files-save' busy={busy} onClick={save}>
          {t.save}
        </PrimaryButton>
      </View>
    </View>
  );
}
