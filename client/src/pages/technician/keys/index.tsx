import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { isSignature } from '@shared/domain/signature.rules';
import { useKeyWrite, useMyLoans, type LoanView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import SessionGate from '../../../components/SessionGate';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { uploadSignature } from '../../../components/SignaturePad/upload';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { formatDue } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';
import '../../../theme/controls.css';
import ScaledPage from '../../../components/ScaledPage';

/** K2: a colleague signs for a key the desk lent them, on their own phone. */
function SignPanel({ loan, context, onSigned }: { loan: LoanView; context: SessionContext; onSigned: () => void }) {
  const t = keysUi.mine;
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const uploaded = useRef<{ signature: SignatureValue; fileId: string } | null>(null);
  const { busy, send } = useKeyWrite(keys.sign);

  const submit = async () => {
    if (busy) return;
    if (!signature || !isSignature(signature.strokes)) return setProblem(t.needSignature);
    const fileId = uploaded.current?.signature === signature ? uploaded.current.fileId : await uploadSignature(signature, context.uploadPrefix);
    if (!fileId) return setProblem(t.uploadFailed);
    uploaded.current = { signature, fileId };
    const res = await send({ propertyId: context.property.propertyId, loanId: loan.id, version: loan.version, signature: fileId });
    if (!res.ok) return toastError(res.message);
    toastOk(t.signed);
    onSigned();
  };

  return (
    <View className='key-sign-panel'>
      <Text className='line-label'>{t.signHint}</Text>
      <SignaturePad className='key-sign-pad' onChange={setSignature} />
      {problem && <Text className='field-error error-key-sign'>{problem}</Text>}
      <PrimaryButton className='btn-key-sign' busy={busy} onClick={submit}>
        {t.sign}
      </PrimaryButton>
    </View>
  );
}

function MyLoans({ context }: { context: SessionContext }) {
  const list = useMyLoans();
  const { items, loading, error, refresh } = list;
  return (
    <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? keysUi.mine.empty : null}>
      {items?.map((loan) => (
        <View key={loan.id} id={`my-loan-${loan.id}`} className='card my-loan'>
          <Text className='section-title'>{`${loan.keyLabel} · ${keysUi.kinds[loan.kind]} · ${keysUi.loans.status[loan.status]}`}</Text>
          <Text className='my-loan-purpose'>{loan.purpose}</Text>
          <Text className='muted my-loan-due'>{`${fill(keysUi.loans.due, { when: formatDue(loan.dueBackAt) })} · ${fill(keysUi.loans.lentBy, { by: loan.lentBy })}`}</Text>
          {loan.mineToSign && <SignPanel loan={loan} context={context} onSigned={() => void refresh()} />}
        </View>
      ))}
      <ListFooter list={list} />
    </LoadState>
  );
}

/** 我借的钥匙: the keys lent to the caller; one the desk has just handed over is signed for here. */
export default function MyKeys() {
  return (
    <ScaledPage className='my-keys'>
      <SessionGate>{(context) => <MyLoans context={context} />}</SessionGate>
    </ScaledPage>
  );
}
