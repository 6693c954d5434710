import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as session from '@shared/contracts/session.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { call } from '../../../api';
import type { DeadLetter } from '../../../hooks/useNotices';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

const channelWord = (channel: string): string => (channel in supervisorUi.health.channels ? supervisorUi.health.channels[channel as keyof typeof supervisorUi.health.channels] : channel);
const kindWord = (kind: string): string => (kind in messages.notices ? messages.notices[kind as keyof typeof messages.notices] : kind);

interface Props {
  item: DeadLetter;
  propertyId: string;
  onDone: () => void;
}

/** One notice that never went out: what, to which channel, how often tried and why it failed; and 重新发送. */
export default function DeadLetterRow({ item, propertyId, onDone }: Props) {
  const t = supervisorUi.health;
  const askConsent = useSubscribeConsent();
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    askConsent();
    if (busy) return;
    setBusy(true);
    const res = await call(session.retryNotice, { propertyId, noticeId: item.id });
    setBusy(false);
    if (res.ok) toastOk(t.retried);
    else toastError(res.message);
    onDone();
  };
  return (
    <View id={`dead-${item.id}`} className='card dead-letter'>
      <View className='dead-letter-head'>
        <Text className='dead-letter-title'>{item.title}</Text>
        <Text className='badge badge-normal dead-letter-channel'>{channelWord(item.channel)}</Text>
      </View>
      <Text className='muted dead-letter-kind'>{`${kindWord(item.kind)} · ${formatWhen(item.at)}`}</Text>
      <Text className='dead-letter-attempts'>{fill(t.attempts, { n: item.attempts })}</Text>
      <Text className='dead-letter-error'>{item.lastError ? fill(t.lastError, { error: item.lastError }) : t.noError}</Text>
      <PrimaryButton className='btn-retry-notice' busy={busy} onClick={retry}>
        {busy ? t.retrying : t.retry}
      </PrimaryButton>
    </View>
  );
}
