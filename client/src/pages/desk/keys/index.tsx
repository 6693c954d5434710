import { useState } from 'react';
import { View } from '@tarojs/components';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import SessionGate from '../../../components/SessionGate';
import { keysUi } from '../../../i18n/keys.zh-CN';
import DepositsTab from './DepositsTab';
import InventoryTab from './InventoryTab';
import KeysTab from './KeysTab';
import LeftKeysTab from './LeftKeysTab';
import LoansTab from './LoansTab';
import '../../../theme/controls.css';
import './index.css';

const tabs = ['keys', 'loans', 'left', 'deposits', 'inventory'] as const;
type Tab = (typeof tabs)[number];

function KeysDesk({ context }: { context: SessionContext }) {
  const [tab, setTab] = useState<Tab>('keys');
  return (
    <>
      <ChoiceChips name='keys-tab' options={tabs} value={tab} label={(t) => keysUi.tabs[t]} onPick={setTab} />
      {tab === 'keys' && <KeysTab context={context} />}
      {tab === 'loans' && <LoansTab propertyId={context.property.propertyId} />}
      {tab === 'left' && <LeftKeysTab propertyId={context.property.propertyId} />}
      {tab === 'deposits' && <DepositsTab context={context} />}
      {tab === 'inventory' && <InventoryTab context={context} />}
    </>
  );
}

/** 钥匙管理: the key register (K1), loans with deposits and residents' keys left for a repair (K2) and the monthly inventory (K3), with the supervisor's sign-offs. */
export default function DeskKeys() {
  return (
    <View className='page desk-keys'>
      <SessionGate>{(context) => <KeysDesk context={context} />}</SessionGate>
    </View>
  );
}
