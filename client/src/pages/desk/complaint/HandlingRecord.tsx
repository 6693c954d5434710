import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { CaseView } from '../../../hooks/useComplaints';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';

/** C1 C5: the handling slip issued and the reply given, once they are. */
export default function HandlingRecord({ view }: { view: CaseView }) {
  const t = deskUi.deskComplaint;
  const { slip, reply } = view;
  if (!slip && !reply) return null;
  return (
    <View className='card handling-record'>
      {slip && (
        <View className='slip-shown'>
          <Text className='section-title'>{t.slipShown}</Text>
          <Text className='slip-line'>{fill(t.slipLine, { department: slip.department, assignee: slip.assignee })}</Text>
          {slip.instructions && <Text className='slip-instructions'>{slip.instructions}</Text>}
          <Text className='muted'>{formatStamp(slip.at)}</Text>
        </View>
      )}
      {reply && (
        <View className='reply-shown'>
          <Text className='section-title'>{t.replyShown}</Text>
          <Text className='reply-content'>{reply.content}</Text>
          <Text className='muted reply-line'>{fill(t.replyLine, { form: messages.replyForms[reply.form], when: formatStamp(reply.at) })}</Text>
        </View>
      )}
    </View>
  );
}
