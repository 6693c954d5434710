import { Text, View } from '@tarojs/components';
import type { DailyLimits } from '@shared/model/settings.model';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { limitKinds, type SettingsForm } from './settings-form';
import SectionSave, { type SectionSaving } from './SectionSave';

interface Props {
  limits: SettingsForm['limits'];
  readOnly: boolean;
  error: string | undefined;
  saving: SectionSaving | null;
  onChange: (limits: SettingsForm['limits']) => void;
}

const labels: Record<keyof DailyLimits, string> = {
  repairs: supervisorUi.settings.limitRepairs,
  complaints: supervisorUi.settings.limitComplaints,
  bookings: supervisorUi.settings.limitBookings,
  bindingRequests: supervisorUi.settings.limitBindings,
};

/** Issue 12 (4): how many repairs, complaints, bookings and binding requests one person may file a day. */
export default function LimitsSection({ limits, readOnly, error, saving, onChange }: Props) {
  const t = supervisorUi.settings;
  return (
    <View className='card settings-section settings-limits'>
      <Text className='section-title'>{t.limits}</Text>
      <Text className='muted settings-hint'>{t.limitsHint}</Text>
      {limitKinds.map((kind) =>
        readOnly ? (
          <InfoRow key={kind} className={`settings-limit-${kind}`} label={labels[kind]} value={fill(t.perDay, { n: limits[kind] })} />
        ) : (
          <LineField
            key={kind}
            label={labels[kind]}
            inputClass={`input-limit-${kind}`}
            type='number'
            value={limits[kind]}
            maxlength={4}
            placeholder=''
            errorClass=''
            onChange={(value) => onChange({ ...limits, [kind]: value })}
          />
        ),
      )}
      {error && <Text className='field-error error-section-limits'>{error}</Text>}
      <SectionSave sections={['limits']} saving={saving} />
    </View>
  );
}
