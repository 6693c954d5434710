import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { filesUi } from '../../../i18n/files.zh-CN';
import { typedRoomId } from './room';

interface Props {
  propertyId: string;
  hint: string;
  textLabel: string;
  textPlaceholder: string;
  textMissing: string;
  submitLabel: string;
  busy: boolean;
  refusal: string | null;
  /** The room's id and the text; true when sent, so the form empties. */
  onSubmit: (roomId: string, text: string) => Promise<boolean>;
  className: string;
}

/** A household by its room number and a few words about it: a request to read its file, or a message for its residents. */
export default function RoomReasonForm({ propertyId, hint, textLabel, textPlaceholder, textMissing, submitLabel, busy, refusal, onSubmit, className }: Props) {
  const t = filesUi;
  const [room, setRoom] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<{ room?: string; text?: string }>({});
  const submit = async () => {
    const id = typedRoomId(propertyId, room);
    const next = { room: id ? undefined : t.badRoom, text: text.trim() ? undefined : textMissing };
    setProblem(next);
    if (!id || next.text) return;
    if (await onSubmit(id, text.trim())) setText('');
  };
  return (
    <View className={`card ${className}`}>
      <Text className='muted files-hint'>{hint}</Text>
      <LineField label={t.room} inputClass='files-room' value={room} maxlength={20} placeholder={t.roomPlaceholder} error={problem.room} errorClass='error-files-room' onChange={setRoom} />
      <ReasonField label={textLabel} labelClass='line-label' inputClass='files-text' value={text} placeholder={textPlaceholder} error={problem.text ?? null} errorClass='error-files-text' onChange={setText} />
      {refusal && <Text className='field-error files-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-files-submit' busy={busy} onClick={submit}>
        {submitLabel}
      </PrimaryButton>
    </View>
  );
}
