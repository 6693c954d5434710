import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { RepairView } from '@shared/contracts/repairs.contract';
import './index.css';

/** "电梯失控或有人被困": why a repair is urgent, in the handbook's words (the rule's code stays off the screen). */
export const ruleText = (triage: RepairView['triage']): string | null => (triage.rule ? messages.triageRules[triage.rule] : null);

/** A red 急修 badge and the matched rule; nothing for ordinary repairs. */
export default function TriageLine({ repair }: { repair: Pick<RepairView, 'triage' | 'priority'> }) {
  if (repair.priority !== 'urgent') return null;
  const rule = ruleText(repair.triage);
  return (
    <View className='triage-line'>
      <Text className='badge badge-urgent urgent-badge'>{messages.priority.urgent}</Text>
      {rule && <Text className='triage-rule'>{rule}</Text>}
    </View>
  );
}
