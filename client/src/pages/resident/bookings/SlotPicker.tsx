import { Text, View } from '@tarojs/components';
import { slotState } from '@shared/domain/booking.rules';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import type { CallFailure } from '../../../api';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { formatDay, shanghaiTime } from '../../../utils/time';

export interface Slot {
  start: string;
  end: string;
  free: number;
}

interface Props {
  /** Names the date chips and the slots, so two pickers on one page stay apart. */
  name: string;
  days: readonly string[];
  date: string;
  onDate: (date: string) => void;
  slots: Slot[] | null;
  loading: boolean;
  error: CallFailure | null;
  onRetry: () => void;
  chosen: string | null;
  onPick: (start: string) => void;
  /** What the slot question and an empty day say, and how a slot with room reads (the desk's count of places by default). */
  words?: { slot: string; noSlots: string; free: (free: number) => string };
}

/** How each kind's picker speaks: the desk counts places; a repair window or a home visit is simply free or not. */
export const slotWords = (kind: 'desk' | 'repair' | 'home'): Props['words'] => {
  const t = ui.bookings;
  const w = ui.windows;
  switch (kind) {
    case 'desk':
      return undefined;
    case 'home':
      return { slot: t.homeSlot, noSlots: t.homeNoSlots, free: () => t.homeFree };
    case 'repair':
      return { slot: w.slot, noSlots: w.noSlots, free: () => w.free };
  }
};

/** The slot's own id: its Shanghai start, "0930". */
export const slotKey = (start: string) => shanghaiTime(new Date(start)).replace(':', '');

/** V4: a day out of the next seven, then a slot of that day; a begun one says 已过 and a full one 已约满, and neither can be picked (issue 18, 2). */
export default function SlotPicker({ name, days, date, onDate, slots, loading, error, onRetry, chosen, onPick, words }: Props) {
  const t = ui.bookings;
  const said = words ?? { slot: t.slot, noSlots: t.noSlots, free: (free: number) => fill(t.free, { free }) };
  const now = new Date();
  const shown = { past: () => t.past, full: () => t.full, open: said.free };
  return (
    <View className={`slot-picker ${name}-picker`}>
      <Text className='booking-label'>{t.date}</Text>
      <ChoiceChips name={`${name}-date`} options={days} value={date} label={(day) => formatDay(day)} onPick={onDate} />
      <Text className='booking-label'>{said.slot}</Text>
      <LoadState loading={loading} error={error} onRetry={onRetry} empty={slots?.length === 0 ? said.noSlots : null}>
        <View className='chips slot-chips'>
          {slots?.map((slot) => {
            const state = slotState({ start: new Date(slot.start), free: slot.free }, now);
            const full = state !== 'open';
            const on = chosen === slot.start;
            return (
              <View
                key={slot.start}
                id={`${name}-slot-${slotKey(slot.start)}`}
                className={`chip slot-chip${on ? ' chip-on' : ''}${full ? ` slot-${state} chip-disabled` : ''}`}
                onClick={() => !full && onPick(slot.start)}
              >
                <Text className='slot-time'>
                  {fill(t.slotTime, { start: shanghaiTime(new Date(slot.start)), end: shanghaiTime(new Date(slot.end)) })}
                </Text>
                <Text className='slot-free'>{shown[state](slot.free)}</Text>
              </View>
            );
          })}
        </View>
      </LoadState>
    </View>
  );
}
