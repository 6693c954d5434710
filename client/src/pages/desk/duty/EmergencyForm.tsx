import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import PhotoPicker from '../../../components/PhotoPicker';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { useDutyWrite } from '../../../hooks/useDuty';
import { dutyUi } from '../../../i18n/duty.zh-CN';

interface Props {
  at: { propertyId: string; pageId: string; entryId: string; version: number };
  uploadPrefix: string;
  onDone: () => void;
}

/** D2: a major event's emergency record: its account and photos, uploaded as a repair's are. */
export default function EmergencyForm({ at, uploadPrefix, onDone }: Props) {
  const [account, setAccount] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const { busy, refusal, write } = useDutyWrite();
  const save = async () => {
    if (await write(duty.recordEmergency, { ...at, account, photos }, dutyUi.saved)) onDone();
  };
  return (
    <View className='duty-emergency-form'>
      <ReasonField label={dutyUi.account} labelClass='field-label' inputClass='emergency-account' value={account} placeholder={dutyUi.accountPlaceholder} maxlength={1000} onChange={setAccount} />
      <Text className='field-label'>{dutyUi.photos}</Text>
      <PhotoPicker fileIDs={photos} max={9} uploadPrefix={uploadPrefix} onChange={setPhotos} />
      {refusal && <Text className='field-error duty-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-save-emergency' busy={busy} disabled={!account.trim() || photos.length === 0} onClick={save}>
        {dutyUi.saveEmergency}
      </PrimaryButton>
    </View>
  );
}
