import { Picker, View } from '@tarojs/components';
import { ui } from '../../i18n/ui.zh-CN';
import { formatDay, shanghaiDate } from '../../utils/time';

interface Props {
  /** Names the picker (`.moment-<name>`) and its chips (`#<name>-date`, `#<name>-time`, `#<name>-none`). */
  name: string;
  date: string | null;
  time: string;
  /** The earliest and latest days offered ("YYYY-MM-DD"). */
  start?: string;
  end?: string;
  /** For an optional moment: the chip that clears it, and its word. */
  none?: { label: string; onPick: () => void };
  onDate: (date: string) => void;
  onTime: (time: string) => void;
}

/** A Shanghai day (今天, 明天, 11月30日) and a time of day, each one tap to change. */
export default function MomentPicker({ name, date, time, start, end, none, onDate, onTime }: Props) {
  const t = ui.complaintForm;
  return (
    <View className={`chips moment-picker moment-${name}`}>
      {none && (
        <View id={`${name}-none`} className={`chip moment-none${date ? '' : ' chip-on'}`} onClick={none.onPick}>
          {none.label}
        </View>
      )}
      <View className='moment-date-picker'>
        <Picker mode='date' value={date ?? shanghaiDate(new Date())} start={start} end={end} onChange={(e) => onDate(String(e.detail.value))}>
          <View id={`${name}-date`} className={`chip moment-date${date ? ' chip-on' : ''}`}>
            {date ? formatDay(date) : t.pickDate}
          </View>
        </Picker>
      </View>
      {date && (
        <View className='moment-time-picker'>
          <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
            <View id={`${name}-time`} className='chip moment-time chip-on'>
              {time}
            </View>
          </Picker>
        </View>
      )}
    </View>
  );
}
