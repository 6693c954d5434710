import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDayBookings, type BookingView } from '../../../hooks/useVisits';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import StatusTag from '../../../components/StatusTag';
import { bookingTones } from '../../../components/StatusTag/record-tones';
import { callPhone } from '../../../utils/phone';
import { formatDay, nextDays, shanghaiTime } from '../../../utils/time';
import '../../../theme/controls.css';
import './index.css';

/** One appointment as the desk needs it: when, who, the full number one tap away, where, what about. */
function DayRow({ item }: { item: BookingView }) {
  const t = ui.deskBookings;
  return (
    <View id={`booking-${item.id}`} className={`card booking-row booking-${item.status}`}>
      <View className='booking-head'>
        <Text className='booking-when'>
          {fill(ui.bookings.slotTime, { start: shanghaiTime(new Date(item.start)), end: shanghaiTime(new Date(item.end)) })}
        </Text>
        <StatusTag tone={bookingTones[item.status]} label={ui.bookings.statuses[item.status]} className={`booking-status booking-status-${item.status}`} />
      </View>
      <Text className={`badge booking-kind booking-kind-${item.kind}`}>{ui.bookings.kinds[item.kind]}</Text>
      <Text className='booking-name'>{item.residentName}</Text>
      <Text className='muted booking-address'>{item.address}</Text>
      <Text className='booking-topic'>{item.topic}</Text>
      {item.repair && <Text className='muted booking-technician'>{fill(ui.bookings.technician, { name: item.repair.technicianName })}</Text>}
      {item.reason && <Text className='muted booking-reason'>{fill(ui.bookings.reasonShown, { reason: item.reason })}</Text>}
      <Button className='btn btn-primary btn-call' onClick={() => callPhone(item.phone)}>
        {fill(t.call, { phone: item.phone })}
      </Button>
    </View>
  );
}

/** V4: the desk's day of bookings (appointments, repair windows, home visits), today and the six days after, in the server's order. */
export default function DeskBookings() {
  const t = ui.deskBookings;
  const [days] = useState(() => nextDays(7));
  const [date, setDate] = useState(days[0] ?? '');
  const list = useDayBookings(date);
  const { items, loading, error, refresh } = list;
  return (
    <View className='page desk-bookings'>
      <View className='inbox-head'>
        <Text className='title'>{t.title}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <ChoiceChips name='desk-date' options={days} value={date} label={(day) => formatDay(day)} onPick={setDate} />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.empty : null}>
        {items?.map((item) => <DayRow key={item.id} item={item} />)}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
