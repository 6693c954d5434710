import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import CheckItem from '../../../components/CheckItem';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { useDutyWrite, type DutyPage } from '../../../hooks/useDuty';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import SubstitutePicker from './SubstitutePicker';

type Matter = { cause: string; process: string; result: string };

/**
 * D3: the outgoing member's handover: the preparation list ticked, each open major matter with its
 * cause, process and result, the instructions from above, a substitute when the incoming member is
 * unfit; refused with the reason on screen.
 */
export default function HandoverForm({ page, propertyId, me, onDone }: { page: DutyPage; propertyId: string; me: string; onDone: () => void }) {
  const t = dutyUi;
  const [checked, setChecked] = useState<boolean[]>(() => page.checklist.map(() => false));
  const [matters, setMatters] = useState<Record<string, Matter>>({});
  const [instructions, setInstructions] = useState('');
  const [substituteId, setSubstituteId] = useState<string | null>(null);
  const { busy, refusal, write } = useDutyWrite();
  const open = page.entries.filter((e) => page.mattersToHand.includes(e.id));
  const setMatter = (id: string, patch: Partial<Matter>) => setMatters((all) => ({ ...all, [id]: { cause: '', process: '', result: '', ...all[id], ...patch } }));
  const handOver = async () => {
    const handed = open.map((e) => ({ entryId: e.id, ...(matters[e.id] ?? { cause: '', process: '', result: '' }) })).filter((m) => m.cause && m.process && m.result);
    if (await write(duty.handOver, { propertyId, pageId: page.pageId, matters: handed, instructions, preparation: checked, substituteId }, t.handed)) onDone();
  };
  return (
    <View className='card duty-handover-form'>
      <Text className='section-title'>{t.handoverTitle}</Text>
      <Text className='field-label'>{t.checklist}</Text>
      {page.checklist.map((item, i) => (
        <CheckItem key={item} className={`handover-check handover-check-${i}`} checked={checked[i] ?? false} label={item} onChange={(on) => setChecked((all) => all.map((v, j) => (j === i ? on : v)))} />
      ))}
      {open.length > 0 && <Text className='field-label'>{t.matters}</Text>}
      {open.map((e) => (
        <View key={e.id} className='duty-matter'>
          <Text className='duty-matter-what'>{`${t.kinds[e.kind]}：${e.what}`}</Text>
          <LineField label={t.cause} inputClass='matter-cause' errorClass='matter-cause-error' value={matters[e.id]?.cause ?? ''} maxlength={300} placeholder={t.cause} onChange={(cause) => setMatter(e.id, { cause })} />
          <LineField label={t.process} inputClass='matter-process' errorClass='matter-process-error' value={matters[e.id]?.process ?? ''} maxlength={500} placeholder={t.process} onChange={(process) => setMatter(e.id, { process })} />
          <LineField label={t.matterResult} inputClass='matter-result' errorClass='matter-result-error' value={matters[e.id]?.result ?? ''} maxlength={300} placeholder={t.matterResult} onChange={(result) => setMatter(e.id, { result })} />
        </View>
      ))}
      <ReasonField label={t.instructions} labelClass='field-label' inputClass='handover-instructions' value={instructions} placeholder={t.instructionsPlaceholder} maxlength={1000} onChange={setInstructions} />
      <SubstitutePicker me={me} value={substituteId} onPick={setSubstituteId} />
      {refusal && <Text className='field-error duty-refusal handover-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-hand-over' busy={busy} onClick={handOver}>
        {t.handOver}
      </PrimaryButton>
    </View>
  );
}
