import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as privacy from '@shared/contracts/privacy.contract';
import { call } from '../../../api';
import type { ErasureView } from '../../../hooks/usePrivacy';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

const confirmed = async (name: string): Promise<boolean> => {
  const t = supervisorUi.erasures;
  const answer = await Taro.showModal({ title: t.confirmTitle, content: fill(t.confirmContent, { name }) }).catch(() => ({ confirm: false }));
  return answer.confirm;
};

interface Props {
  item: ErasureView;
  propertyId: string;
  onDone: () => void;
}

/** One request: who, why and when, how many of their tickets are still open, and the erase button behind a confirmation. */
export default function ErasureRow({ item, propertyId, onDone }: Props) {
  const t = supervisorUi.erasures;
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const erase = async () => {
    if (busy || !(await confirmed(item.name))) return;
    setBusy(true);
    const res = await call(privacy.erase, { propertyId, erasureId: item.id });
    setBusy(false);
    if (res.ok) {
      toastOk(t.erased);
      return onDone();
    }
    setProblem(res.message);
    toastError(res.message);
  };

  return (
    <View className='card erasure-row' id={`erasure-${item.id}`}>
      <View className='erasure-head'>
        <Text className='erasure-name'>{item.name}</Text>
        <Text className='muted erasure-asked'>{fill(t.asked, { when: formatWhen(item.requestedAt) })}</Text>
      </View>
      <Text className='erasure-reason'>{item.reason ? fill(t.reason, { reason: item.reason }) : t.noReason}</Text>
      {item.openTickets > 0 && <Text className='erasure-open'>{fill(t.openTickets, { n: item.openTickets })}</Text>}
      {problem && <Text className='field-error erasure-problem'>{problem}</Text>}
      <PrimaryButton className='btn-erase' busy={busy} onClick={erase}>
        {busy ? t.erasing : t.erase}
      </PrimaryButton>
    </View>
  );
}
