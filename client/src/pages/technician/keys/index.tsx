import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { useKeyWrite, useMyLoans, type LoanView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import SessionGate from '../../../components/SessionGate';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { formatDue } from '../../../utils/time';
import '../../../theme/controls.css';
import ScaledPage from '../../../components/ScaledPage';
import './index.css';
import LeftForMe from './LeftForMe';
import SignPanel from './SignPanel';

function MyLoan({ loan, context, onSigned }: { loan: LoanView; context: SessionContext; onSigned: () => void }) {
  const { busy, send } = useKeyWrite(keys.sign);
  return (
    <View id={`my-loan-${loan.id}`} className='card my-loan'>
      <Text className='section-title'>{`${loan.keyLabel} · ${keysUi.kinds[loan.kind]} · ${keysUi.loans.status[loan.status]}`}</Text>
      <Text className='my-loan-purpose'>{loan.purpose}</Text>
      <Text className='muted my-loan-due'>{`${fill(keysUi.loans.due, { when: formatDue(loan.dueBackAt) })} · ${fill(keysUi.loans.lentBy, { by: loan.lentBy })}`}</Text>
      {loan.mineToSign && (
        <SignPanel
          uploadPrefix={context.uploadPrefix}
          hint={keysUi.mine.signHint}
          button={keysUi.mine.sign}
          done={keysUi.mine.signed}
          busy={busy}
          send={(signature) => send({ propertyId: context.property.propertyId, loanId: loan.id, version: loan.version, signature })}
          onSigned={onSigned}
        />
      )}
    </View>
  );
}

function MyLoans({ context }: { context: SessionContext }) {
  const list = useMyLoans();
  const { items, loading, error, refresh } = list;
  return (
    <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? keysUi.mine.empty : null}>
      {items?.map((loan) => <MyLoan key={loan.id} loan={loan} context={context} onSigned={() => void refresh()} />)}
      <ListFooter list={list} />
    </LoadState>
  );
}

/** 我借的钥匙: the keys lent to the caller, and residents' keys left for his visits (K2); one just handed over is signed for here. */
export default function MyKeys() {
  return (
    <ScaledPage className='my-keys'>
      <SessionGate>
        {(context) => (
          <>
            <LeftForMe context={context} />
            <MyLoans context={context} />
          </>
        )}
      </SessionGate>
    </ScaledPage>
  );
}
