import * as keys from '@shared/contracts/keys.contract';
import { useMyLoans, type LoanView } from '../../../hooks/useKeys';
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
import KeyCard from './KeyCard';

function MyLoan({ loan, context, onSigned }: { loan: LoanView; context: SessionContext; onSigned: () => void }) {
  const t = keysUi.mine;
  return (
    <KeyCard
      id={`my-loan-${loan.id}`}
      className='my-loan'
      title={`${loan.keyLabel} · ${keysUi.kinds[loan.kind]} · ${keysUi.loans.status[loan.status]}`}
      what={{ className: 'my-loan-purpose', text: loan.purpose }}
      who={{ className: 'my-loan-due', text: `${fill(keysUi.loans.due, { when: formatDue(loan.dueBackAt) })} · ${fill(keysUi.loans.lentBy, { by: loan.lentBy })}` }}
      toSign={loan.mineToSign}
      signing={{
        action: keys.sign,
        hint: t.signHint,
        button: t.sign,
        done: t.signed,
        input: (signature) => ({ propertyId: context.property.propertyId, loanId: loan.id, version: loan.version, signature }),
      }}
      uploadPrefix={context.uploadPrefix}
      onSigned={onSigned}
    />
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
