import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import PhotoGrid from '../../../components/PhotoGrid';
import PrimaryButton from '../../../components/PrimaryButton';
import StatusTag from '../../../components/StatusTag';
import type { Tone } from '../../../components/StatusTag/tones';
import { useDutyWrite, type DutyEntryView } from '../../../hooks/useDuty';
import { fill } from '../../../i18n/ui.zh-CN';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import { shanghaiTime } from '../../../utils/time';
import EmergencyForm from './EmergencyForm';
import EntryFields from './EntryFields';

/** An entry's state in the one look of every record: still happening needs someone (red), handled and followed up (orange), closed (green). */
const tones = { happening: 'alert', following: 'waiting', closed: 'done' } as const satisfies Record<DutyEntryView['status'], Tone>;

interface Props {
  entry: DutyEntryView;
  page: { propertyId: string; pageId: string; version: number };
  /** Writable: the desk on a day not signed yet. */
  editable: boolean;
  uploadPrefix: string;
  onDone: () => void;
}

/** D1 D2: one entry of the page; the desk brings its handling and result up to date, and gives a major event its emergency record. */
export default function EntryCard({ entry, page, editable, uploadPrefix, onDone }: Props) {
  const t = dutyUi;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ kind: entry.kind, what: entry.what, handling: entry.handling, followUp: entry.followUp, result: entry.result, status: entry.status });
  const { busy, refusal, write } = useDutyWrite();
  const at = { ...page, entryId: entry.id };
  const save = async () => {
    const { handling, followUp, result, status } = draft;
    if (await write(duty.updateEntry, { ...at, handling, followUp, result, status }, t.updated)) {
      setEditing(false);
      onDone();
    }
  };
  return (
    <View className={`card duty-entry duty-entry-${entry.status}`}>
      <View className='duty-entry-head'>
        <Text className='duty-entry-kind'>{t.kinds[entry.kind]}</Text>
        {entry.major && <Text className='tag tag-major'>{t.major}</Text>}
        <StatusTag tone={tones[entry.status]} label={t.status[entry.status]} className='duty-entry-status' />
      </View>
      <Text className='duty-entry-what'>{entry.what}</Text>
      {entry.handling && <Text className='duty-entry-handling'>{entry.handling}</Text>}
      {entry.followUp && <Text className='muted'>{fill(t.followUpShown, { text: entry.followUp })}</Text>}
      {entry.result && <Text className='muted'>{fill(t.resultShown, { text: entry.result })}</Text>}
      <Text className='muted duty-entry-line'>{fill(t.line, { time: shanghaiTime(new Date(entry.at)), recorder: entry.recorder })}</Text>
      {entry.emergency && (
        <View className='duty-emergency'>
          <Text>{fill(t.emergencyShown, { by: entry.emergency.by, account: entry.emergency.account })}</Text>
          <PhotoGrid links={entry.emergency.photos} />
        </View>
      )}
      {entry.needsEmergency && <Text className='field-error duty-needs-emergency'>{t.needsEmergency}</Text>}
      {editable && entry.needsEmergency && <EmergencyForm at={at} uploadPrefix={uploadPrefix} onDone={onDone} />}
      {editable && !editing && (
        <Button className='btn btn-plain btn-edit-entry' onClick={() => setEditing(true)}>
          {t.update}
        </Button>
      )}
      {editing && (
        <>
          <EntryFields draft={draft} fixed name='edit-entry' onChange={setDraft} />
          {refusal && <Text className='field-error duty-refusal'>{refusal}</Text>}
          <PrimaryButton className='btn-save-entry' busy={busy} onClick={save}>
            {t.update}
          </PrimaryButton>
        </>
      )}
    </View>
  );
}
