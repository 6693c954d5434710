import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as privacy from '@shared/contracts/privacy.contract';
import { call } from '../../../api';
import type { MyData } from '../../../hooks/usePrivacy';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { formatWhen } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

const confirmed = async (): Promise<boolean> => {
  const t = residentUi.myData;
  const answer = await Taro.showModal({ title: t.confirmTitle, content: t.confirmContent }).catch(() => ({ confirm: false }));
  return answer.confirm;
};

interface Props {
  propertyId: string;
  erasure: MyData['erasure'];
  onAsked: () => void;
}

/** PIPL: the resident asks for their data to be deleted, after reading what happens to open tickets; then sees it pending. */
export default function ErasureCard({ propertyId, erasure, onAsked }: Props) {
  const t = residentUi.myData;
  const [asked, setAsked] = useState<MyData['erasure']>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const current = erasure ?? asked;

  const ask = async () => {
    if (busy || !(await confirmed())) return;
    setBusy(true);
    const res = await call(privacy.requestErasure, { propertyId, reason: reason.trim() });
    setBusy(false);
    if (!res.ok) {
      setProblem(res.message);
      return toastError(res.message);
    }
    setAsked(res.data);
    toastOk(t.asked);
    onAsked();
  };

  if (current) {
    return (
      <View className={`card erasure-card erasure-${current.status}`}>
        <Text className='section-title'>{t.erasureTitle}</Text>
        <Text className='erasure-state'>{fill(current.status === 'pending' ? t.pending : t.done, { when: formatWhen(current.requestedAt) })}</Text>
      </View>
    );
  }
  return (
    <View className='card erasure-card'>
      <Text className='section-title'>{t.erasureTitle}</Text>
      <Text className='muted erasure-hint'>{t.erasureHint}</Text>
      <ReasonField
        label={t.reason}
        labelClass='line-label'
        inputClass='erasure-reason input-erasure-reason'
        value={reason}
        maxlength={300}
        placeholder={t.reasonPlaceholder}
        onChange={(value) => {
          setReason(value);
          setProblem('');
        }}
      />
      {problem && <Text className='field-error erasure-problem'>{problem}</Text>}
      <PrimaryButton className='btn-ask-erasure' busy={busy} onClick={ask}>
        {busy ? t.asking : t.ask}
      </PrimaryButton>
    </View>
  );
}
