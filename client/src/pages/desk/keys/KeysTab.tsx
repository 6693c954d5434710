import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { yuan } from '@shared/domain/quote.rules';
import { keyKinds, type KeyKind } from '@shared/model/key.model';
import { useKeyList, type KeyView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { go, routes } from '../../../utils/routes';
import AddKeyForm from './AddKeyForm';
import LendForm from './LendForm';

function KeyRow({ item, onLend }: { item: KeyView; onLend: () => void }) {
  const t = keysUi;
  return (
    <View id={`key-${item.id}`} className='card key-row'>
      <View className='key-head'>
        <Text className='key-label'>{item.label}</Text>
        <Text className={`badge ${item.onLoan ? 'badge-urgent' : 'badge-normal'} key-state`}>{item.onLoan ? t.onLoan : t.available}</Text>
      </View>
      <Text className='key-opens'>{item.opens}</Text>
      <Text className='muted key-meta'>{`${t.sets[item.set]} · ${item.depositFen > 0 ? fill(t.depositShown, { amount: yuan(item.depositFen) }) : t.noDeposit}`}</Text>
      {!item.onLoan && (
        <Button className='btn btn-secondary btn-lend' onClick={onLend}>
          {t.lendButton}
        </Button>
      )}
    </View>
  );
}

/** K1: the register by kind, a key lent from its row (K2), and below the list the way to import a spreadsheet and a key added one by one. */
export default function KeysTab({ context }: { context: SessionContext }) {
  const [kind, setKind] = useState<KeyKind>('resident');
  const [lending, setLending] = useState<KeyView | null>(null);
  const list = useKeyList(kind);
  const { items, loading, error, refresh } = list;
  const propertyId = context.property.propertyId;

  if (lending) {
    return (
      <LendForm
        keyItem={lending}
        context={context}
        onDone={() => {
          setLending(null);
          void refresh();
        }}
        onCancel={() => setLending(null)}
      />
    );
  }
  return (
    <>
      <ChoiceChips name='key-kind' options={keyKinds} value={kind} label={(k) => keysUi.kinds[k]} onPick={setKind} />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? keysUi.empty : null}>
        {items?.map((item) => <KeyRow key={item.id} item={item} onLend={() => setLending(item)} />)}
        <ListFooter list={list} />
      </LoadState>
      <Button className='btn btn-secondary btn-key-import' onClick={() => go(routes.deskKeyImport)}>
        {keysUi.import.open}
      </Button>
      <AddKeyForm
        propertyId={propertyId}
        kind={kind}
        onAdded={(key) => {
          if (key.kind === kind) void refresh();
          else setKind(key.kind);
        }}
      />
    </>
  );
}
