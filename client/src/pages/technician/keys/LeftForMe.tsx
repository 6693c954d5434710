import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { useKeyWrite, useLeftKeys, type LeftKeyView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ListFooter from '../../../components/ListFooter';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import SignPanel from './SignPanel';

function LeftKeyCard({ item, context, onSigned }: { item: LeftKeyView; context: SessionContext; onSigned: () => void }) {
  const t = keysUi.left;
  const { busy, send } = useKeyWrite(keys.borrowLeft);
  return (
    <View id={`left-mine-${item.id}`} className='card my-left-key'>
      <Text className='section-title'>{`${item.roomLabel} · ${t.status[item.status]}`}</Text>
      <Text className='my-left-description'>{item.description}</Text>
      <Text className='muted my-left-who'>{fill(t.who, { by: item.leftBy, technician: item.technician, receivedBy: item.receivedBy })}</Text>
      {item.mineToBorrow && (
        <SignPanel
          uploadPrefix={context.uploadPrefix}
          hint={keysUi.leftMine.hint}
          button={keysUi.leftMine.sign}
          done={keysUi.leftMine.signed}
          busy={busy}
          send={(signature) => send({ propertyId: context.property.propertyId, leftKeyId: item.id, version: item.version, signature })}
          onSigned={onSigned}
        />
      )}
    </View>
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
