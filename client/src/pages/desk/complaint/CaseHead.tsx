import { Text, View } from '@tarojs/components';
import type { CaseView } from '../../../hooks/useComplaints';
import CaseBadges from '../../../components/CaseBadges';
import InfoRow from '../../../components/InfoRow';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { dueRuleText } from '../../../utils/complaint-labels';
import { formatDue } from '../../../utils/time';

/** C4: what the case is, by when it must be handled and under which rule, and whether the manager has it. */
export default function CaseHead({ view }: { view: CaseView }) {
  const t = deskUi.deskComplaint;
  const rule = dueRuleText(view.dueRule);
  const major = view.classification?.severity === 'major';
  return (
    <View className='card case-head'>
      <CaseBadges item={view} />
      {view.dueAt && (
        <InfoRow label={t.dueAt} value={formatDue(view.dueAt)} className={`case-due${view.overdue ? ' case-due-late' : ''}`} />
      )}
      {rule && <InfoRow label={t.dueRule} value={rule} className='case-due-rule' />}
      {view.managerAck ? (
        <Text className='case-ack'>{fill(t.ackShown, { when: formatStamp(view.managerAck.at) })}</Text>
      ) : (
        major && <Text className='case-ack-waiting'>{t.ackWaiting}</Text>
      )}
    </View>
  );
}
