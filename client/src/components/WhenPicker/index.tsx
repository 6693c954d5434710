import { Picker, View } from '@tarojs/components';
import type { PreferredTime } from '@shared/model/repair.model';
import Pressable from '../../keyboard/Pressable';
import { ui } from '../../i18n/ui.zh-CN';
import { formatDay, shanghaiDate } from '../../utils/time';
import './index.css';

const slots: PreferredTime['slot'][] = ['morning', 'afternoon', 'evening', 'any'];
const DAYS_AHEAD = 60;

interface Props {
  value: PreferredTime | null;
  onChange: (value: PreferredTime | null) => void;
  /** False where a day must be chosen (the desk rescheduling a visit): no "尽快" chip. */
  allowAsap?: boolean;
}

/** "尽快", or a day (今天/明天/…) and a part of it (上午/下午/晚上/都可以), for people out at work. */
export default function WhenPicker({ value, onChange, allowAsap = true }: Props) {
  const today = shanghaiDate(new Date());
  return (
    <View className='when-picker'>
      <View className='chips'>
        {allowAsap && (
          <Pressable id='when-asap' className={`chip when-asap${value ? '' : ' chip-on'}`} on={!value} onPress={() => onChange(null)}>
            {ui.repairForm.asap}
          </Pressable>
        )}
        <Picker
          mode='date'
          value={value?.date ?? today}
          start={today}
          end={shanghaiDate(new Date(), DAYS_AHEAD)}
          onChange={(e) => onChange({ date: String(e.detail.value), slot: value?.slot ?? 'any' })}
        >
          <View id='when-date' className={`chip when-date${value ? ' chip-on' : ''}`}>
            {value ? formatDay(value.date) : ui.repairForm.pickDate}
          </View>
        </Picker>
      </View>
      {value && (
        <View className='chips when-slots'>
          {slots.map((slot) => (
            <Pressable
              key={slot}
              id={`slot-${slot}`}
              className={`chip slot-chip${value.slot === slot ? ' chip-on' : ''}`}
              on={value.slot === slot}
              onPress={() => onChange({ ...value, slot })}
            >
              {ui.time.slotChoices[slot]}
            </Pressable>
          ))}
        </View>
      )}
    </View>
  );
}
