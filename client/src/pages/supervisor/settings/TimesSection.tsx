import { Text, View } from '@tarojs/components';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import ResidentPreview from './ResidentPreview';
import SectionSave, { type SectionSaving } from './SectionSave';
import { parseWindows, type Section, type SettingsForm } from './settings-form';
import TimeField from './TimeField';
import WindowsField from './WindowsField';

type Times = Pick<SettingsForm, 'open' | 'close' | 'ackUrgent' | 'ackNormal' | 'groupHours' | 'weekdayWindows' | 'weekendWindows'>;
type Field = 'ackUrgent' | 'ackNormal' | 'groupHours';

interface Props {
  form: Times;
  readOnly: boolean;
  errors: Partial<Record<Section, string>>;
  saving: SectionSaving | null;
  onEdit: (patch: Partial<Times>) => void;
}

/** The windows as a resident picks from them: chips of "09:00–11:00". */
const WindowChips = ({ label, typed }: { label: string; typed: string }) => (
  <View className='preview-windows-day'>
    <Text className='muted'>{label}</Text>
    <View className='chips'>
      {parseWindows(typed).map((w, i) => (
        <Text key={i} className='chip preview-window'>{`${w.start}–${w.end}`}</Text>
      ))}
    </View>
  </View>
);

/** The clocks, picked not typed: the desk's opening hours, how soon a technician must acknowledge (R4), the group-complaint window (C3), and the repair windows (V4). */
export default function TimesSection({ form, readOnly, errors, saving, onEdit }: Props) {
  const t = supervisorUi.settings;
  const field = (name: Field, label: string, className: string) => (
    <LineField
      label={label}
      inputClass={className}
      type='number'
      value={form[name]}
      maxlength={5}
      placeholder=''
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
        <View className='time-pair'>
          <TimeField label={t.open} className='input-open' value={form.open} onChange={(open) => onEdit({ open })} />
          <TimeField label={t.close} className='input-close' value={form.close} onChange={(close) => onEdit({ close })} />
        </View>
        {error('hours')}
        <ResidentPreview name='hours'>
          <Text className='preview-hours-line'>{fill(t.previewHours, { open: form.open, close: form.close })}</Text>
        </ResidentPreview>
        <SectionSave sections={['hours']} saving={saving} />
      </View>
      <View className='card settings-section settings-deadlines'>
        <Text className='section-title'>{t.deadlines}</Text>
        {field('ackUrgent', t.ackUrgent, 'input-ack-urgent')}
        {field('ackNormal', t.ackNormal, 'input-ack-normal')}
        {error('deadlines')}
        <SectionSave sections={['deadlines']} saving={saving} />
      </View>
      <View className='card settings-section settings-group-window'>
        <Text className='section-title'>{t.groupWindow}</Text>
        <Text className='muted settings-hint'>{t.groupWindowHint}</Text>
        {field('groupHours', t.groupWindow, 'input-group-hours')}
        {error('groupWindow')}
        <SectionSave sections={['groupWindow']} saving={saving} />
      </View>
      <View className='card settings-section settings-repair-windows'>
        <Text className='section-title'>{t.repairWindows}</Text>
        <Text className='muted settings-hint'>{t.repairWindowsHint}</Text>
        <WindowsField label={t.weekdays} className='input-weekday-windows' value={form.weekdayWindows} onChange={(weekdayWindows) => onEdit({ weekdayWindows })} />
        <WindowsField label={t.weekends} className='input-weekend-windows' value={form.weekendWindows} onChange={(weekendWindows) => onEdit({ weekendWindows })} />
        {error('windows')}
        <ResidentPreview name='windows'>
          <Text className='section-title'>{t.previewWindows}</Text>
          <WindowChips label={t.weekdays} typed={form.weekdayWindows} />
          <WindowChips label={t.weekends} typed={form.weekendWindows} />
        </ResidentPreview>
        <SectionSave sections={['windows']} saving={saving} />
      </View>
    </>
  );
}
