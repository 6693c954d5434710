import { Picker, View } from '@tarojs/components';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatDay, shanghaiDate } from '../../../utils/time';

/** Today's or yesterday's register in one tap, any earlier day from the calendar. */
export default function DayChooser({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const t = supervisorUi.complaintRegister;
  const today = shanghaiDate(new Date());
  const yesterday = shanghaiDate(new Date(), -1);
  const other = date !== today && date !== yesterday;
  return (
    <View className='chips day-chooser'>
      <View id='day-today' className={`chip day-chip${date === today ? ' chip-on' : ''}`} onClick={() => onChange(today)}>
        {t.today}
      </View>
      <View id='day-yesterday' className={`chip day-chip${date === yesterday ? ' chip-on' : ''}`} onClick={() => onChange(yesterday)}>
        {t.yesterday}
      </View>
      <View className='day-picker'>
        <Picker mode='date' value={date} end={today} onChange={(e) => onChange(String(e.detail.value))}>
          <View id='day-pick' className={`chip day-chip${other ? ' chip-on' : ''}`}>
            {other ? formatDay(date) : t.pickDate}
          </View>
        </Picker>
      </View>
    </View>
  );
}
