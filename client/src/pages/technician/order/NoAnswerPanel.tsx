import { useMemo } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { NO_ANSWER_WAIT_MS } from '@shared/domain/repair.machine';
import type { RepairView } from '../../../offline/commands';
import { useOnSiteCountdown } from '../../../hooks/useOnSiteCountdown';
import { fill } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import ReasonForm from './ReasonForm';

const clock = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

interface Props {
  view: RepairView;
  onNote: (note: string) => void;
  onClose: () => void;
}

/** R5: nobody answers. Three minutes from arrival, counted down on screen; then a note, and the visit is rescheduled. */
export default function NoAnswerPanel({ view, onNote, onClose }: Props) {
  const t = technicianUi.onSite.noAnswer;
  const deadline = useMemo(() => (view.arrivedAt ? Date.parse(view.arrivedAt) : Date.now()) + NO_ANSWER_WAIT_MS, [view.arrivedAt]);
  const left = useOnSiteCountdown(deadline) ?? NO_ANSWER_WAIT_MS;
  if (left > 0) {
    return (
      <View className='card no-answer no-answer-waiting'>
        <Text className='no-answer-countdown'>{fill(t.waiting, { time: clock(left) })}</Text>
        <Text className='muted'>{t.waitHint}</Text>
        <Button className='btn btn-plain btn-cancel' onClick={onClose}>
          {technicianUi.onSite.cancel}
        </Button>
      </View>
    );
  }
  return (
    <ReasonForm
      className='no-answer'
      title={t.note}
      presets={t.presets}
      inputClass='input-visit-note'
      submitClass='btn-leave-note'
      submitText={t.submit}
      needText={t.needNote}
      onSubmit={onNote}
      onCancel={onClose}
    />
  );
}
