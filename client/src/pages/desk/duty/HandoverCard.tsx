import { Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import * as forms from '@shared/contracts/forms.contract';
import PrimaryButton from '../../../components/PrimaryButton';
import PrintButton from '../../../components/PrintButton';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { useDutyWrite, type DutyPage } from '../../../hooks/useDuty';
import { fill } from '../../../i18n/ui.zh-CN';
import { dutyUi } from '../../../i18n/duty.zh-CN';

/** D3: a handover record: who handed over and who took over, the matters and instructions; the incoming member signs here. */
export default function HandoverCard({ handover, propertyId, onDone }: { handover: NonNullable<DutyPage['handover']>; propertyId: string; onDone: () => void }) {
  const t = dutyUi;
  const { busy, refusal, write } = useDutyWrite();
  const receive = async () => {
    if (await write(duty.receive, { propertyId, handoverId: handover.id, version: handover.version }, t.received)) onDone();
  };
  return (
    <View className={`card duty-handover duty-handover-${handover.status}`}>
      <Text className='section-title'>{t.handoverTitle}</Text>
      <Text className='duty-handover-people'>{fill(t.handoverLine, { out: handover.outgoing.name, in: `${handover.incoming.name}${handover.incoming.substitute ? t.substitute : ''}` })}</Text>
      {handover.matters.map((m) => (
        <Text key={m.entryId} className='duty-handover-matter'>{`${t.cause}：${m.cause}；${t.process}：${m.process}；${t.matterResult}：${m.result}`}</Text>
      ))}
      {handover.instructions && <Text className='muted'>{`${t.instructions}：${handover.instructions}`}</Text>}
      <Text className='duty-handover-state'>{handover.incoming.at ? fill(t.receivedAt, { when: formatStamp(handover.incoming.at) }) : t.waiting}</Text>
      {handover.late && <Text className='tag tag-major duty-handover-late'>{t.late}</Text>}
      <PrintButton id='print-handover' action={forms.handover} input={{ propertyId, handoverId: handover.id }} />
      {refusal && <Text className='field-error duty-refusal'>{refusal}</Text>}
      {handover.canReceive && (
        <PrimaryButton className='btn-receive' busy={busy} onClick={receive}>
          {t.receive}
        </PrimaryButton>
      )}
    </View>
  );
}
