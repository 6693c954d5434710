import { Button, Text, View } from '@tarojs/components';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { parseWindows, windowsText } from './settings-form';
import TimeField from './TimeField';

interface Props {
  label: string;
  /** The field's own class (`.input-weekday-windows`). */
  className: string;
  /** The windows as the form holds them, "09:00-11:00, 18:30-20:30". */
  value: string;
  onChange: (value: string) => void;
}

/** V4: a day's repair windows, each a start and an end picked from the clock, added and removed one by one. */
export default function WindowsField({ label, className, value, onChange }: Props) {
  const t = supervisorUi.settings;
  const rows = parseWindows(value);
  const put = (next: { start: string; end: string }[]) => onChange(windowsText(next));
  const edit = (i: number, patch: Partial<{ start: string; end: string }>) => put(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <View className={`windows-field ${className}`}>
      <Text className='line-label'>{label}</Text>
      {rows.length === 0 && <Text className='muted'>{t.noWindows}</Text>}
      {rows.map((row, i) => (
        <View key={i} id={`${className}-${i}`} className='window-row'>
          <TimeField label={t.windowStart} className='window-start' value={row.start} onChange={(start) => edit(i, { start })} />
          <TimeField label={t.windowEnd} className='window-end' value={row.end} onChange={(end) => edit(i, { end })} />
          <Button className='btn btn-plain btn-remove btn-remove-window' onClick={() => put(rows.filter((_, j) => j !== i))}>
            {t.remove}
          </Button>
        </View>
      ))}
      <Button className='btn btn-secondary btn-add-window' onClick={() => put([...rows, { start: '09:00', end: '11:00' }])}>
        {t.addWindow}
      </Button>
    </View>
  );
}
