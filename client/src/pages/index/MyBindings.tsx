import { Button, Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { useMyBindings, type MyBinding } from '../../hooks/useMembers';
import ListFooter from '../../components/ListFooter';
import DeskPhoneButton from '../../components/DeskPhoneButton';
import { loadSession } from '../../store/session.store';
import { fill, ui } from '../../i18n/ui.zh-CN';
import StatusTag from '../../components/StatusTag';
import { bindingTones } from '../../components/StatusTag/tones';

function BindingCard({ item }: { item: MyBinding }) {
  const t = ui.myBindings;
  return (
    <View className={`card my-binding my-binding-${item.status}`}>
      <View className='my-binding-head'>
        <Text className='my-binding-room'>{fill(t.room, { property: item.propertyName, address: item.address })}</Text>
        <StatusTag tone={bindingTones[item.status]} label={messages.bindingStatus[item.status]} className='binding-status' />
      </View>
      <Text className='muted my-binding-who'>{fill(t.who, { name: item.name, relation: messages.relations[item.relation] })}</Text>
      {item.status === 'pending' && <Text className='muted my-binding-hint'>{t.pendingHint}</Text>}
      {item.status === 'rejected' && item.reason && <Text className='my-binding-reason'>{fill(t.rejected, { reason: item.reason })}</Text>}
      {item.status === 'approved' ? (
        <>
          <Text className='muted my-binding-hint'>{t.approvedHint}</Text>
          <Button className='btn btn-primary btn-enter' onClick={() => void loadSession()}>
            {t.enter}
          </Button>
        </>
      ) : (
        <DeskPhoneButton phone={item.deskPhone} look='plain' />
      )}
    </View>
  );
}

/** Issue 7 (4): someone waiting to be bound sees where each request stands, and whom to call. */
export default function MyBindings() {
  const list = useMyBindings();
  const { items, error } = list;
  if (error) return <Text className='muted my-bindings-error'>{error.message}</Text>;
  if (!items || items.length === 0) return null;
  return (
    <View className='my-bindings'>
      <Text className='section-title'>{ui.myBindings.title}</Text>
      {items.map((item) => (
        <BindingCard key={item.id} item={item} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}
