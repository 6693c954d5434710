import { Text, View } from '@tarojs/components';
import type { OwnerInvites } from '@shared/model/settings.model';
import ChoiceChips from '../../../components/ChoiceChips';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import SectionSave, { type SectionSaving } from './SectionSave';

type Choices = Pick<OwnerInvites, 'enabled' | 'deskApproves'>;

interface Props {
  value: Choices;
  /** How many codes one owner may issue a day, as typed. */
  perDay: string;
  readOnly: boolean;
  error: string | undefined;
  saving: SectionSaving | null;
  onChange: (value: Choices) => void;
  onPerDay: (perDay: string) => void;
}

type Choice = 'yes' | 'no';
const choices: readonly Choice[] = ['yes', 'no'];

/** Issue 18 (5): whether owners invite family or tenants to bind their room, whether the desk still reviews those bindings, and how many codes an owner may issue a day. */
export default function InvitesSection({ value, perDay, readOnly, error, saving, onChange, onPerDay }: Props) {
  const t = supervisorUi.settings;
  const enabledWord = (c: Choice) => (c === 'yes' ? t.invitesOn : t.invitesOff);
  const reviewWord = (c: Choice) => (c === 'yes' ? t.deskReviews : t.bindsAtOnce);
  const asChoice = (b: boolean): Choice => (b ? 'yes' : 'no');
  return (
    <View className='card settings-section settings-invites'>
      <Text className='section-title'>{t.invites}</Text>
      <Text className='muted settings-hint'>{t.invitesHint}</Text>
      {readOnly ? (
        <>
          <InfoRow className='settings-invites-enabled' label={t.invitesEnabled} value={enabledWord(asChoice(value.enabled))} />
          {value.enabled && <InfoRow className='settings-invites-review' label={t.invitedBinding} value={reviewWord(asChoice(value.deskApproves))} />}
          {value.enabled && <InfoRow className='settings-invites-per-day' label={t.invitesPerDay} value={fill(t.codesPerDay, { n: perDay })} />}
        </>
      ) : (
        <>
          <Text className='line-label'>{t.invitesEnabled}</Text>
          <ChoiceChips options={choices} value={asChoice(value.enabled)} label={enabledWord} name='owner-invites' onPick={(c) => onChange({ ...value, enabled: c === 'yes' })} />
          {value.enabled && (
            <>
              <Text className='line-label'>{t.invitedBinding}</Text>
              <ChoiceChips options={choices} value={asChoice(value.deskApproves)} label={reviewWord} name='desk-approves' onPick={(c) => onChange({ ...value, deskApproves: c === 'yes' })} />
              <LineField label={t.invitesPerDay} inputClass='input-invites-per-day' type='number' value={perDay} maxlength={2} placeholder='' errorClass='' onChange={onPerDay} />
              <Text className='muted settings-hint'>{t.invitesPerDayHint}</Text>
            </>
          )}
        </>
      )}
      {error && <Text className='field-error error-section-invites'>{error}</Text>}
      <SectionSave sections={['invites']} saving={saving} />
    </View>
  );
}
