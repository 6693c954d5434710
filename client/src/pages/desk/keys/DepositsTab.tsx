import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { yuan } from '@shared/domain/quote.rules';
import { useDepositDay, useKeyWrite } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { formatDay, formatWhen, pastDays } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

function Figure({ label, fen, className }: { label: string; fen: number; className: string }) {
  return (
    <View className={`deposit-figure ${className}`}>
      <Text className='muted'>{label}</Text>
      <Text className='deposit-amount'>{fill(keysUi.deposits.yuan, { amount: yuan(fen) })}</Text>
    </View>
  );
}

/** K2: a day's deposits, reckoned by the server from the loans; the supervisor signs the day. */
export default function DepositsTab({ context }: { context: SessionContext }) {
  const t = keysUi.deposits;
  const [days] = useState(() => pastDays(7));
  const [date, setDate] = useState(days[0] ?? '');
  const [remarks, setRemarks] = useState('');
  const { data, loading, error, refresh } = useDepositDay(date);
  const { busy, send } = useKeyWrite(keys.signDeposits);

  const sign = async () => {
    if (busy) return;
    const res = await send({ propertyId: context.property.propertyId, date, remarks: remarks.trim() });
    if (!res.ok) return toastError(res.message);
    toastOk(t.signedOk);
    void refresh();
  };

  return (
    <>
      <ChoiceChips name='deposit-day' options={days} value={date} label={(d) => formatDay(d)} onPick={setDate} />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && (
          <View className='card deposit-day'>
            <View className='deposit-figures'>
              <Figure label={t.received} fen={data.receivedFen} className='deposit-received' />
              <Figure label={t.refunded} fen={data.refundedFen} className='deposit-refunded' />
              <Figure label={t.kept} fen={data.keptFen} className='deposit-kept' />
              <Figure label={t.held} fen={data.heldFen} className='deposit-held' />
            </View>
            {data.signed ? (
              <Text className='deposit-signed'>{`${fill(t.signed, { by: data.signed.by, at: formatWhen(data.signed.at) })}${data.signed.remarks ? `：${data.signed.remarks}` : ''}`}</Text>
            ) : (
              context.role === 'supervisor' && (
                <>
                  <ReasonField label={t.remarks} labelClass='line-label' inputClass='input-deposit-remarks' value={remarks} placeholder={t.remarksPlaceholder} onChange={setRemarks} />
                  <PrimaryButton className='btn-sign-deposits' busy={busy} onClick={sign}>
                    {t.sign}
                  </PrimaryButton>
                </>
              )
            )}
          </View>
        )}
      </LoadState>
    </>
  );
}
