import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as visits from '@shared/contracts/visits.contract';
import { call } from '../../../api';
import type { SessionContext } from '../../../store/session.store';
import { useSlots, type BookingView } from '../../../hooks/useVisits';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import { ui } from '../../../i18n/ui.zh-CN';
import { nextDays } from '../../../utils/time';
import { toastError } from '../../../utils/toast';
import SlotPicker, { slotWords } from './SlotPicker';

type Problem = 'slot' | 'topic';

interface Props {
  /** 到访客服中心, or 上门回访 (B2: the desk comes to her home). */
  kind: 'desk' | 'home';
  context: SessionContext;
  onBooked: (booking: BookingView) => void;
  onClose: () => void;
}

/**
 * V4 预约到访客服中心 or 预约上门回访: a day, a slot with room left, one of her rooms, what it is
 * about (a home visit may leave it blank). A refusal
 * (the slot filled up meanwhile, say) is said in the server's own words and the slots are fetched again.
 */
export default function BookForm({ kind, context, onBooked, onClose }: Props) {
  const home = kind === 'home';
  const t = ui.bookings;
  const [days] = useState(() => nextDays(7));
  // Until she picks a day, the function answers with the first of the week's days with a place open (issue 18, 2).
  const [picked, setPicked] = useState<string | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const rooms = context.rooms;
  const [roomId, setRoomId] = useState<string | null>(rooms[0]?.roomId ?? null);
  const [topic, setTopic] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { slots, date: answered, loading, error, refresh } = useSlots(picked ?? days[0] ?? '', kind, picked ? undefined : days.at(-1));
  const date = picked ?? answered ?? days[0] ?? '';

  if (rooms.length === 0) {
    return (
      <View className='card booking-form book-form'>
        <Text className='booking-no-room'>{t.noRoom}</Text>
      </View>
    );
  }

  const submit = async () => {
    if (busy) return;
    if (!start) return setProblem('slot');
    if (!home && topic.trim().length < 2) return setProblem('topic');
    if (!roomId) return;
    setBusy(true);
    setRefusal(null);
    const input = { propertyId: context.property.propertyId, start, roomId, topic: topic.trim() };
    const res = home ? await call(visits.bookHome, input) : await call(visits.book, input);
    setBusy(false);
    if (res.ok) return onBooked(res.data);
    setRefusal(res.message);
    toastError(res.message);
    setStart(null);
    void refresh();
  };

  const labelOf = (id: string) => rooms.find((room) => room.roomId === id)?.label ?? id;

  return (
    <View className={`card booking-form book-form book-${kind}-form`}>
      <Text className='section-title'>{home ? t.homeTitle : t.newTitle}</Text>
      {home && <Text className='muted booking-hint'>{t.homeHint}</Text>}
      <SlotPicker
        name='book'
        days={days}
        date={date}
        onDate={(day) => {
          setPicked(day);
          setStart(null);
        }}
        slots={slots}
        words={slotWords(kind)}
        loading={loading}
        error={error}
        onRetry={() => void refresh()}
        chosen={start}
        onPick={(picked) => {
          setStart(picked);
          setProblem(null);
        }}
      />
      {rooms.length > 1 && (
        <>
          <Text className='booking-label'>{t.room}</Text>
          <ChoiceChips name='booking-room' options={rooms.map((room) => room.roomId)} value={roomId} label={labelOf} onPick={setRoomId} />
        </>
      )}
      <LineField
        label={home ? t.homeTopic : t.topic}
        inputClass='input-booking-topic'
        value={topic}
        maxlength={200}
        placeholder={home ? t.homeTopicPlaceholder : t.topicPlaceholder}
        error={problem === 'topic' ? t.needTopic : undefined}
        errorClass='problem-topic'
        onChange={(value) => {
          setTopic(value);
          setProblem(null);
        }}
      />
      {problem === 'slot' && <Text className='field-error problem-slot'>{t.needSlot}</Text>}
      {refusal && <Text className='field-error booking-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-submit-booking' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.submitBook}
      </PrimaryButton>
      <Button className='btn btn-plain btn-close-booking' onClick={onClose}>
        {t.close}
      </Button>
    </View>
  );
}
