import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import * as forms from '@shared/contracts/forms.contract';
import { yuan } from '@shared/domain/quote.rules';
import { useKeyWrite, useOpenLoans, type LoanView } from '../../../hooks/useKeys';
import ChoiceChips from '../../../components/ChoiceChips';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import PrintButton from '../../../components/PrintButton';
import ReasonField from '../../../components/ReasonField';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { formatDue } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

/** K2: the key back at the desk; a deposit refunded, or kept with the reason. */
function GiveBackPanel({ loan, propertyId, onDone }: { loan: LoanView; propertyId: string; onDone: () => void }) {
  const t = keysUi.loans;
  const [outcome, setOutcome] = useState<'refunded' | 'kept' | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, send } = useKeyWrite(keys.giveBack);

  const submit = async () => {
    if (busy) return;
    if (loan.deposit && !outcome) return setProblem(t.needOutcome);
    if (outcome === 'kept' && !reason.trim()) return setProblem(t.needReason);
    const deposit = !loan.deposit ? null : outcome === 'kept' ? { outcome: 'kept' as const, reason: reason.trim() } : { outcome: 'refunded' as const };
    const res = await send({ propertyId, loanId: loan.id, version: loan.version, deposit });
    if (!res.ok) return toastError(res.message);
    toastOk(t.returned);
    onDone();
  };

  return (
    <View className='give-back-panel'>
      {loan.deposit && (
        <ChoiceChips name='deposit-outcome' options={['refunded', 'kept'] as const} value={outcome} label={(o) => (o === 'refunded' ? t.refund : t.keep)} onPick={setOutcome} />
      )}
      {outcome === 'kept' && (
        <ReasonField label={t.keepReason} labelClass='line-label' inputClass='input-keep-reason' value={reason} placeholder={t.keepReasonPlaceholder} onChange={setReason} />
      )}
      {problem && <Text className='field-error error-give-back'>{problem}</Text>}
      <PrimaryButton className='btn-give-back-confirm' busy={busy} onClick={submit}>
        {t.confirm}
      </PrimaryButton>
    </View>
  );
}

function LoanCard({ loan, propertyId, open, onOpen, onDone }: { loan: LoanView; propertyId: string; open: boolean; onOpen: () => void; onDone: () => void }) {
  const t = keysUi.loans;
  const who = loan.borrower.type === 'staff' ? loan.borrower.name : `${loan.borrower.name} · ${loan.borrower.idMasked}`;
  return (
    <View id={`loan-${loan.id}`} className={`card loan-row${loan.status === 'overdue' ? ' loan-overdue' : ''}`}>
      <View className='key-head'>
        <Text className='key-label'>{`${loan.keyLabel} · ${keysUi.kinds[loan.kind]}`}</Text>
        <Text className={`badge ${loan.status === 'overdue' ? 'badge-urgent' : 'badge-normal'} loan-status`}>{t.status[loan.status]}</Text>
      </View>
      <Text className='loan-borrower'>{who}</Text>
      <Text className='loan-purpose'>{loan.purpose}</Text>
      <Text className='muted loan-due'>{`${fill(t.due, { when: formatDue(loan.dueBackAt) })} · ${fill(t.lentBy, { by: loan.lentBy })}${loan.escalated ? ` · ${t.escalated}` : ''}`}</Text>
      {loan.deposit && (
        <Text className='muted loan-deposit'>{fill(t.depositHeld, { amount: yuan(loan.deposit.amountFen), receipt: loan.deposit.receiptNo, custodian: loan.deposit.custodian })}</Text>
      )}
      <PrintButton id={`print-loan-${loan.id}`} action={forms.keyLoan} input={{ propertyId, loanId: loan.id }} />
      {open ? (
        <GiveBackPanel loan={loan} propertyId={propertyId} onDone={onDone} />
      ) : (
        <Button className='btn btn-secondary btn-give-back' onClick={onOpen}>
          {t.giveBack}
        </Button>
      )}
    </View>
  );
}

/** K2: every key still out, the earliest due first, overdue ones marked; each taken back from its card. */
export default function LoansTab({ propertyId }: { propertyId: string }) {
  const list = useOpenLoans();
  const [open, setOpen] = useState<string | null>(null);
  const { items, loading, error, refresh } = list;
  return (
    <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? keysUi.loans.empty : null}>
      {items?.map((loan) => (
        <LoanCard
          key={loan.id}
          loan={loan}
          propertyId={propertyId}
          open={open === loan.id}
          onOpen={() => setOpen(loan.id)}
          onDone={() => {
            setOpen(null);
            void refresh();
          }}
        />
      ))}
      <ListFooter list={list} />
    </LoadState>
  );
}
