import { Text, View } from '@tarojs/components';
import { waitingFor } from '@shared/domain/waiting-for.rules';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { WaitingElsewhere } from '../../hooks/useWaitingElsewhere';
import type { Membership } from '../../store/session.store';
import { fill, ui } from '../../i18n/ui.zh-CN';

/** Issue 14 (2): "阳光花园 · 维修师傅  2 单待完成，其中 1 件紧急  去处理": one other property's waiting work, a tap to go there. */
export default function WaitingLine({ membership, waiting, onOpen }: { membership: Membership; waiting: WaitingElsewhere; onOpen: () => void }) {
  const t = ui.propertySwitch;
  const kind = waitingFor(membership.role);
  if (!kind) return null;
  return (
    <View className={`property-waiting property-waiting-${waiting.propertyId}`} onClick={onOpen}>
      <Text className='property-waiting-name'>{`${membership.propertyName} · ${messages.roles[membership.role]}`}</Text>
      <Text className='property-waiting-count'>{fill(t.waiting[kind], { count: waiting.count })}</Text>
      {waiting.urgent > 0 && <Text className='property-waiting-urgent'>{fill(t.urgent, { count: waiting.urgent })}</Text>}
      <Text className='property-waiting-go'>{t.go}</Text>
    </View>
  );
}
