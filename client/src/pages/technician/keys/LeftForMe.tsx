import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { useLeftKeys, type LeftKeyView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ListFooter from '../../../components/ListFooter';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import KeyCard from './KeyCard';

function LeftKeyCard({ item, context, onSigned }: { item: LeftKeyView; context: SessionContext; onSigned: () => void }) {
  const t = keysUi.leftMine;
  return (
    <KeyCard
      id={`left-mine-${item.id}`}
      className='my-left-key'
      title={`${item.roomLabel} · ${keysUi.left.status[item.status]}`}
      what={{ className: 'my-left-description', text: item.description }}
      who={{ className: 'my-left-who', text: fill(keysUi.left.who, { by: item.leftBy, technician: item.technician, receivedBy: item.receivedBy }) }}
      toSign={item.mineToBorrow}
      signing={{
        action: keys.borrowLeft,
        hint: t.hint,
        button: t.sign,
        done: t.signed,
        input: (signature) => ({ propertyId: context.property.propertyId, leftKeyId: item.id, version: item.version, signature }),
      }}
      uploadPrefix={context.uploadPrefix}
      onSigned={onSigned}
    />
  );
}

/** K2: the residents' keys the desk holds for the caller's visits; the one he takes is signed for here. */
export default function LeftForMe({ context }: { context: SessionContext }) {
  const list = useLeftKeys();
  const items = list.items ?? [];
  if (items.length === 0) return null;
  return (
    <View className='left-for-me'>
      <Text className='section-title left-for-me-title'>{keysUi.leftMine.title}</Text>
      {items.map((item) => (
        <LeftKeyCard key={`${item.id}-${item.version}`} item={item} context={context} onSigned={() => void list.refresh()} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}
