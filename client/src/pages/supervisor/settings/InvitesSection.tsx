import { Text, View } from '@tarojs/components';
import type { OwnerInvites } from '@shared/model/settings.model';
import ChoiceChips from '../../../components/ChoiceChips';
import InfoRow from '../../../components/InfoRow';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import SectionSave, { type SectionSaving } from './SectionSave';

interface Props {
  value: OwnerInvites;
  readOnly: boolean;
  error: string | undefined;
  saving: SectionSaving | null;
  onChange: (value: OwnerInvites) => void;
}

type Choice = 'yes' | 'no';
const choices: readonly Choice[] = ['yes', 'no'];

/** Issue 18 (5): whether owners invite family or tenants to bind their room, and whether the desk still reviews those bindings. */
export default function InvitesSection({ value, readOnly, error, saving, onChange }: Props) {
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
        </>
      ) : (
        <>
          <Text className='line-label'>{t.invitesEnabled}</Text>
          <ChoiceChips options={choices} value={asChoice(value.enabled)} label={enabledWord} name='owner-invites' onPick={(c) => onChange({ ...value, enabled: c === 'yes' })} />
          {value.enabled && (
            <>
              <Text className='line-label'>{t.invitedBinding}</Text>
              <ChoiceChips options={choices} value={asChoice(value.deskApproves)} label={reviewWord} name='desk-approves' onPick={(c) => onChange({ ...value, deskApproves: c === 'yes' })} />
            </>
          )}
        </>
      )}
      {error && <Text className='field-error error-section-invites'>{error}</Text>}
      <SectionSave sections={['invites']} saving={saving} />
    </View>
  );
}
