import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import PrimaryButton from '../../../components/PrimaryButton';
import { useDutyWrite } from '../../../hooks/useDuty';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import EntryFields, { emptyEntry } from './EntryFields';

/** D1: a new entry on the page on duty, timed now. */
export default function EntryForm({ propertyId, onDone }: { propertyId: string; onDone: () => void }) {
  const [draft, setDraft] = useState(emptyEntry);
  const { busy, refusal, write } = useDutyWrite();
  const save = async () => {
    if (await write(duty.logEntry, { propertyId, ...draft }, dutyUi.saved)) {
      setDraft(emptyEntry());
      onDone();
    }
  };
  return (
    <View className='card duty-entry-form'>
      <Text className='section-title'>{dutyUi.newEntry}</Text>
      <EntryFields draft={draft} fixed={false} name='new-entry' onChange={setDraft} />
      {refusal && <Text className='field-error duty-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-log-entry' busy={busy} disabled={!draft.what.trim()} onClick={save}>
        {dutyUi.save}
      </PrimaryButton>
    </View>
  );
}
