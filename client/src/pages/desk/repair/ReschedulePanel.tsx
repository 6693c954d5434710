import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import type { PreferredTime } from '@shared/model/repair.model';
import { useRepairStep } from '../../../hooks/useRepairs';
import PrimaryButton from '../../../components/PrimaryButton';
import WhenPicker from '../../../components/WhenPicker';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { ui } from '../../../i18n/ui.zh-CN';

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  onDone: () => void;
}

/** R5: nobody was home; the desk agrees a new time with the resident and the technician goes again. */
export default function ReschedulePanel({ repair, propertyId, onDone }: Props) {
  const t = ui.deskRepair;
  const [when, setWhen] = useState<PreferredTime | null>(null);
  const [missing, setMissing] = useState(false);
  const { busy, run } = useRepairStep(onDone);

  const confirm = async () => {
    if (busy) return;
    if (!when) {
      setMissing(true);
      return;
    }
    await run(repairs.reschedule, { propertyId, repairId: repair.id, version: repair.version, preferredTime: when }, t.rescheduled);
  };

  return (
    <View className='card reschedule-panel'>
      <Text className='section-title'>{t.rescheduleTitle}</Text>
      <Text className='reschedule-hint'>{t.rescheduleHint}</Text>
      {repair.visitNote && <Text className='muted reschedule-note'>{`${t.visitNote}：${repair.visitNote}`}</Text>}
      <WhenPicker
        value={when}
        allowAsap={false}
        onChange={(value) => {
          setWhen(value);
          setMissing(false);
        }}
      />
      {missing && <Text className='field-error error-reschedule'>{t.rescheduleNeedsTime}</Text>}
      <PrimaryButton id='btn-reschedule' className='btn-reschedule' busy={busy} onClick={confirm}>
        {t.rescheduleConfirm}
      </PrimaryButton>
    </View>
  );
}
