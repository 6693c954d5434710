import { Text, View } from '@tarojs/components';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import type { Section, SettingsForm } from './settings-form';

type Times = Pick<SettingsForm, 'open' | 'close' | 'ackUrgent' | 'ackNormal' | 'groupHours' | 'weekdayWindows' | 'weekendWindows'>;
type Field = keyof Times;

interface Props {
  form: Times;
  readOnly: boolean;
  errors: Partial<Record<Section, string>>;
  onEdit: (patch: Partial<Times>) => void;
}

/** The clocks: the desk's opening hours, how soon a technician must acknowledge (R4), the group-complaint window (C3), and the repair windows (V4). */
export default function TimesSection({ form, readOnly, errors, onEdit }: Props) {
  const t = supervisorUi.settings;
  const field = (name: Field, label: string, className: string, type: 'text' | 'number', placeholder = '', maxlength = 5) => (
    <LineField
      label={label}
      inputClass={className}
      type={type}
      value={form[name]}
      maxlength={maxlength}
      placeholder={placeholder}
      errorClass=''
      onChange={(value) => onEdit({ [name]: value })}
    />
  );
  const error = (section: Section) => errors[section] && <Text className={`field-error error-section-${section}`}>{errors[section]}</Text>;

  if (readOnly) {
    return (
      <View className='card settings-section settings-times'>
        <InfoRow className='settings-hours' label={t.hours} value={fill(t.hoursLine, { open: form.open, close: form.close })} />
        <InfoRow className='settings-ack-urgent' label={t.ackUrgent} value={fill(t.minutes, { n: form.ackUrgent })} />
        <InfoRow className='settings-ack-normal' label={t.ackNormal} value={fill(t.minutes, { n: form.ackNormal })} />
        <InfoRow className='settings-group-hours' label={t.groupWindow} value={fill(t.hoursValue, { n: form.groupHours })} />
        <InfoRow className='settings-weekday-windows' label={`${t.repairWindows} · ${t.weekdays}`} value={form.weekdayWindows || t.noWindows} />
        <InfoRow className='settings-weekend-windows' label={`${t.repairWindows} · ${t.weekends}`} value={form.weekendWindows || t.noWindows} />
      </View>
    );
  }
  return (
    <>
      <View className='card settings-section settings-hours'>
        <Text className='section-title'>{t.hours}</Text>
        {field('open', t.open, 'input-open', 'text', '08:00')}
        {field('close', t.close, 'input-close', 'text', '20:00')}
        {error('hours')}
      </View>
      <View className='card settings-section settings-deadlines'>
        <Text className='section-title'>{t.deadlines}</Text>
        {field('ackUrgent', t.ackUrgent, 'input-ack-urgent', 'number')}
        {field('ackNormal', t.ackNormal, 'input-ack-normal', 'number')}
        {error('deadlines')}
      </View>
      <View className='card settings-section settings-group-window'>
        <Text className='section-title'>{t.groupWindow}</Text>
        <Text className='muted settings-hint'>{t.groupWindowHint}</Text>
        {field('groupHours', t.groupWindow, 'input-group-hours', 'number')}
        {error('groupWindow')}
      </View>
      <View className='card settings-section settings-repair-windows'>
        <Text className='section-title'>{t.repairWindows}</Text>
        <Text className='muted settings-hint'>{t.repairWindowsHint}</Text>
        {field('weekdayWindows', t.weekdays, 'input-weekday-windows', 'text', '09:00-11:00, 18:30-20:30', 100)}
        {field('weekendWindows', t.weekends, 'input-weekend-windows', 'text', '09:00-11:00', 100)}
        {error('windows')}
      </View>
    </>
  );
}
