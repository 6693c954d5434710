import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { Priority } from '@shared/model/repair.model';
import { useRepairStep } from '../../../hooks/useRepairs';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { fill, ui } from '../../../i18n/ui.zh-CN';

const MIN_REASON = 2;
const priorities: Priority[] = ['urgent', 'normal'];

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  onDone: () => void;
}

/** R3: the desk overrides the triage (急修 ↔ 一般); the reason is required and logged. */
export default function OverridePanel({ repair, propertyId, onDone }: Props) {
  const t = ui.deskRepair;
  const [open, setOpen] = useState(false);
  const [priority, setPriority] = useState<Priority>(repair.priority === 'urgent' ? 'normal' : 'urgent');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, run } = useRepairStep(onDone);

  if (!open) {
    return (
      <Button id='btn-override' className='btn btn-plain btn-override' onClick={() => setOpen(true)}>
        {t.override}
      </Button>
    );
  }

  const confirm = async () => {
    if (busy) return;
    const typed = reason.trim();
    if (typed.length < MIN_REASON) {
      setMissing(true);
      return;
    }
    const done = await run(
      repairs.overridePriority,
      { propertyId, repairId: repair.id, version: repair.version, priority, reason: typed },
      fill(t.overridden, { priority: messages.priority[priority] }),
    );
    if (done) {
      setOpen(false);
      setReason('');
    }
  };

  return (
    <View className='card override-panel'>
      <Text className='section-title'>{t.override}</Text>
      <View className='chips'>
        <Text className='desk-label override-to'>{t.overrideHint}</Text>
        {priorities.map((p) => (
          <View
            key={p}
            id={`override-${p}`}
            className={`chip override-priority override-${p}${priority === p ? ' chip-on' : ''}`}
            onClick={() => setPriority(p)}
          >
            {messages.priority[p]}
          </View>
        ))}
      </View>
      <ReasonField
        label={t.overrideReason}
        labelClass='desk-label'
        inputClass='desk-textarea input-override-reason'
        value={reason}
        placeholder={t.overrideReasonPlaceholder}
        error={missing ? t.overrideNeedsReason : null}
        errorClass='error-override-reason'
        onChange={(value) => {
          setReason(value);
          setMissing(false);
        }}
      />
      <PrimaryButton id='btn-confirm-override' className='btn-confirm-override' busy={busy} onClick={confirm}>
        {t.overrideConfirm}
      </PrimaryButton>
      <Button className='btn btn-plain btn-cancel-override' onClick={() => setOpen(false)}>
        {t.cancel}
      </Button>
    </View>
  );
}
