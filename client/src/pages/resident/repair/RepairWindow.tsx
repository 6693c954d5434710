import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as visits from '@shared/contracts/visits.contract';
import { PAGE_MAX } from '@shared/contracts/page';
import { windowRefusal } from '@shared/domain/window.rules';
import { call } from '../../../api';
import { useMyBookings, useOffered } from '../../../hooks/useVisits';
import PrimaryButton from '../../../components/PrimaryButton';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { ui } from '../../../i18n/ui.zh-CN';
import { nextDays } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';
import SlotPicker, { slotWords } from '../bookings/SlotPicker';
import ChangeForm from '../bookings/ChangeForm';

/** V4: a window may be booked or moved until the technician is at the door; an urgent repair needs none (R3). */
export const canBookWindow = (repair: RepairDetailView) => windowRefusal(repair) === null;

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  onDone: () => void;
}

/** V4 预约上门时段: a day of the next seven, then a window a technician who can come is free in. */
function BookWindow({ repair, propertyId, onDone, onClose }: Props & { onClose: () => void }) {
  const t = ui.windows;
  const [days] = useState(() => nextDays(7));
  const [date, setDate] = useState(days[0] ?? '');
  const [start, setStart] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { slots, loading, error, refresh } = useOffered('repair', date, repair.id);

  const submit = async () => {
    if (busy) return;
    if (!start) return setProblem(true);
    setBusy(true);
    setRefusal(null);
    const res = await call(visits.bookWindow, { propertyId, repairId: repair.id, start });
    setBusy(false);
    if (res.ok) {
      toastOk(t.bookedToast);
      return onDone();
    }
    setRefusal(res.message);
    toastError(res.message);
    setStart(null);
    void refresh();
  };

  return (
    <View className='card booking-form window-form'>
      <Text className='section-title'>{t.title}</Text>
      <Text className='muted booking-hint'>{t.hint}</Text>
      <SlotPicker
        name='window'
        days={days}
        date={date}
        onDate={(day) => {
          setDate(day);
          setStart(null);
        }}
        slots={slots}
        words={slotWords('repair')}
        loading={loading}
        error={error}
        onRetry={() => void refresh()}
        chosen={start}
        onPick={(picked) => {
          setStart(picked);
          setProblem(false);
        }}
      />
      {problem && <Text className='field-error problem-slot'>{ui.bookings.needSlot}</Text>}
      {refusal && <Text className='field-error booking-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-submit-window' busy={busy} onClick={submit}>
        {busy ? ui.bookings.submitting : t.submit}
      </PrimaryButton>
      <Button className='btn btn-plain btn-close-window' onClick={onClose}>
        {ui.bookings.close}
      </Button>
    </View>
  );
}

/** V4: the booked window moved, with a reason, through the booking it is. */
function ChangeWindow({ repair, propertyId, onDone, onClose }: Props & { onClose: () => void }) {
  const { items } = useMyBookings({ all: true, size: PAGE_MAX, bottom: false });
  const booking = items?.find((b) => b.repair?.id === repair.id && b.status === 'booked');
  if (!booking) return null;
  return (
    <View className='card booking-form window-change'>
      <Text className='section-title'>{ui.windows.change}</Text>
      <ChangeForm
        booking={booking}
        mode='reschedule'
        propertyId={propertyId}
        onDone={() => {
          toastOk(ui.bookings.rescheduled);
          onDone();
        }}
        onClose={onClose}
      />
    </View>
  );
}

/** V4: on a resident's repair: book the window a technician comes in, or move the one booked. */
export default function RepairWindow(props: Props) {
  const [open, setOpen] = useState(false);
  if (!canBookWindow(props.repair)) return null;
  const booked = Boolean(props.repair.appointment);
  const close = () => setOpen(false);
  const done = () => {
    setOpen(false);
    props.onDone();
  };
  if (open) return booked ? <ChangeWindow {...props} onDone={done} onClose={close} /> : <BookWindow {...props} onDone={done} onClose={close} />;
  return (
    <Button className={`btn ${booked ? 'btn-secondary btn-change-window' : 'btn-primary btn-book-window'}`} onClick={() => setOpen(true)}>
      {booked ? ui.windows.change : ui.windows.open}
    </Button>
  );
}
