import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMyBookings, type BookingView } from '../../../hooks/useVisits';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import StatusTag from '../../../components/StatusTag';
import { bookingTones } from '../../../components/StatusTag/record-tones';
import { formatSpan } from '../../../utils/time';
import { toastOk } from '../../../utils/toast';
import BookForm from './BookForm';
import ChangeForm, { type Change } from './ChangeForm';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

interface RowProps {
  booking: BookingView;
  open: Change | null;
  propertyId: string;
  onOpen: (mode: Change) => void;
  onClose: () => void;
  onDone: (booking: BookingView, mode: Change) => void;
}

/** One appointment: its status, when (Shanghai time), what about; 改约 and 取消 while it stands. */
function BookingRow({ booking, open, propertyId, onOpen, onClose, onDone }: RowProps) {
  const t = ui.bookings;
  const booked = booking.status === 'booked';
  return (
    <View id={`booking-${booking.id}`} className={`card booking-row booking-${booking.status}`}>
      <View className='booking-head'>
        <Text className='booking-when'>{formatSpan(booking.start, booking.end)}</Text>
        <StatusTag tone={bookingTones[booking.status]} label={t.statuses[booking.status]} className={`booking-status booking-status-${booking.status}`} />
      </View>
      <Text className={`badge booking-kind booking-kind-${booking.kind}`}>{t.kinds[booking.kind]}</Text>
      <Text className='booking-topic'>{booking.topic}</Text>
      {booking.repair && <Text className='muted booking-technician'>{fill(t.technician, { name: booking.repair.technicianName })}</Text>}
      <Text className='muted booking-address'>{booking.address}</Text>
      {booking.reason && <Text className='muted booking-reason'>{fill(t.reasonShown, { reason: booking.reason })}</Text>}
      {booked && open && <ChangeForm booking={booking} mode={open} propertyId={propertyId} onDone={onDone} onClose={onClose} />}
      {booked && !open && (
        <View className='booking-actions'>
          <Button className='btn btn-secondary btn-reschedule' onClick={() => onOpen('reschedule')}>
            {t.reschedule}
          </Button>
          <Button className='btn btn-plain btn-cancel-booking' onClick={() => onOpen('cancel')}>
            {t.cancel}
          </Button>
        </View>
      )}
    </View>
  );
}

/** V4 我的预约: the resident's appointments at the desk, repair windows and home callback visits, moved or cancelled with a reason; a new one booked. */
export default function MyBookings() {
  const t = ui.bookings;
  const context = useReadySession();
  const list = useMyBookings();
  const { items, loading, error, refresh } = list;
  const [open, setOpen] = useState<{ id: string; mode: Change } | null>(null);
  const [booking, setBooking] = useState<'desk' | 'home' | null>(null);

  const onBooked = useCallback(() => {
    toastOk(ui.bookings.booked);
    setBooking(null);
    void refresh();
  }, [refresh]);
  const onDone = useCallback(
    (_: BookingView, mode: Change) => {
      toastOk(mode === 'reschedule' ? ui.bookings.rescheduled : ui.bookings.cancelled);
      setOpen(null);
      void refresh();
    },
    [refresh],
  );

  return (
    <ScaledPage className='my-bookings'>
      <Text className='title'>{t.mine}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.empty : null}>
        {items?.map((item) => (
          <BookingRow
            key={item.id}
            booking={item}
            open={open?.id === item.id ? open.mode : null}
            propertyId={context?.property.propertyId ?? ''}
            onOpen={(mode) => setOpen({ id: item.id, mode })}
            onClose={() => setOpen(null)}
            onDone={onDone}
          />
        ))}
        <ListFooter list={list} />
      </LoadState>
      {booking && context ? (
        <BookForm key={booking} kind={booking} context={context} onBooked={onBooked} onClose={() => setBooking(null)} />
      ) : (
        <>
          <Button className='btn btn-primary btn-new-booking' onClick={() => setBooking('desk')}>
            {t.openNew}
          </Button>
          <Button className='btn btn-secondary btn-new-home' onClick={() => setBooking('home')}>
            {t.openHome}
          </Button>
        </>
      )}
    </ScaledPage>
  );
}
