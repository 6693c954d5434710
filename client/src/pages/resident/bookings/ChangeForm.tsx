import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as visits from '@shared/contracts/visits.contract';
import { call } from '../../../api';
import { useOffered, type BookingView } from '../../../hooks/useVisits';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { ui } from '../../../i18n/ui.zh-CN';
import { nextDays, shanghaiDate } from '../../../utils/time';
import { toastError } from '../../../utils/toast';
import SlotPicker, { slotWords } from './SlotPicker';

export type Change = 'reschedule' | 'cancel';
type Problem = 'slot' | 'reason';

interface Props {
  booking: BookingView;
  mode: Change;
  propertyId: string;
  onDone: (booking: BookingView, mode: Change) => void;
  onClose: () => void;
}

/** V4 改约 (another slot, or another window for a repair) or 取消, each with a reason, sent with the version of the booking on screen. */
export default function ChangeForm({ booking, mode, propertyId, onDone, onClose }: Props) {
  const t = ui.bookings;
  const [days] = useState(() => nextDays(7));
  const own = shanghaiDate(new Date(booking.start));
  const [date, setDate] = useState(days.includes(own) ? own : (days[0] ?? ''));
  const [start, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { slots, loading, error, refresh } = useOffered(booking.kind, date, booking.repair?.id ?? null);
  const moving = mode === 'reschedule';

  const submit = async () => {
    if (busy) return;
    if (moving && !start) return setProblem('slot');
    if (reason.trim().length < 2) return setProblem('reason');
    setBusy(true);
    setRefusal(null);
    const common = { propertyId, bookingId: booking.id, version: booking.version, reason: reason.trim() };
    const res = moving && start ? await call(visits.reschedule, { ...common, start }) : await call(visits.cancel, common);
    setBusy(false);
    if (res.ok) return onDone(res.data, mode);
    setRefusal(res.message);
    toastError(res.message);
    if (moving) {
      setStart(null);
      void refresh();
    }
  };

  return (
    <View className={`booking-form change-form ${mode}-form`}>
      {moving && (
        <SlotPicker
          name='move'
          days={days}
          date={date}
          onDate={(day) => {
            setDate(day);
            setStart(null);
          }}
          slots={slots?.filter((slot) => slot.start !== booking.start) ?? null}
          words={slotWords(booking.kind)}
          loading={loading}
          error={error}
          onRetry={() => void refresh()}
          chosen={start}
          onPick={(picked) => {
            setStart(picked);
            setProblem(null);
          }}
        />
      )}
      <ReasonField
        label={moving ? t.rescheduleReason : t.cancelReason}
        labelClass='booking-label'
        inputClass='input-booking-reason'
        value={reason}
        placeholder={t.reasonPlaceholder}
        error={problem === 'reason' ? t.needReason : null}
        errorClass='problem-reason'
        onChange={(value) => {
          setReason(value);
          setProblem(null);
        }}
      />
      {problem === 'slot' && <Text className='field-error problem-slot'>{t.needSlot}</Text>}
      {refusal && <Text className='field-error booking-refusal'>{refusal}</Text>}
      <PrimaryButton className={moving ? 'btn-submit-reschedule' : 'btn-submit-cancel'} busy={busy} onClick={submit}>
        {busy ? t.submitting : moving ? t.submitReschedule : t.submitCancel}
      </PrimaryButton>
      <Button className='btn btn-plain btn-close-change' onClick={onClose}>
        {t.close}
      </Button>
    </View>
  );
}
