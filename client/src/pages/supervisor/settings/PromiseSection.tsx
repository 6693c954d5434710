import { Text, View } from '@tarojs/components';
import { repairPromise } from '@shared/domain/repair-promise.rules';
import { MAX_DISPATCH_MINUTES } from '@shared/model/settings.model';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { repairPromiseWords } from '../../../utils/repair-promise';
import ResidentPreview from './ResidentPreview';
import SectionSave, { type SectionSaving } from './SectionSave';
import { whole } from './settings-form';

interface Props {
  dispatchMinutes: string;
  readOnly: boolean;
  error: string | undefined;
  saving: SectionSaving | null;
  onChange: (dispatchMinutes: string) => void;
}

/** Issue 18 (2): what a resident is promised after filing a repair, with the words she will read, as the manager types the minutes. */
export default function PromiseSection({ dispatchMinutes, readOnly, error, saving, onChange }: Props) {
  const t = supervisorUi.settings;
  const minutes = whole(dispatchMinutes);
  const promised = minutes >= 1 && minutes <= MAX_DISPATCH_MINUTES ? { dispatchMinutes: minutes } : null;
  return (
    <View className='card settings-section settings-promise'>
      <Text className='section-title'>{t.promise}</Text>
      <Text className='muted settings-hint'>{t.promiseHint}</Text>
      {readOnly ? (
        <InfoRow className='settings-dispatch-minutes' label={t.dispatchMinutes} value={dispatchMinutes} />
      ) : (
        <LineField
          label={t.dispatchMinutes}
          inputClass='input-dispatch-minutes'
          type='number'
          value={dispatchMinutes}
          maxlength={4}
          placeholder=''
          errorClass=''
          onChange={onChange}
        />
      )}
      {error && <Text className='field-error error-section-promise'>{error}</Text>}
      {promised && (
        <ResidentPreview name='promise'>
          <Text className='muted'>{t.previewNormal}</Text>
          <Text className='preview-promise-normal'>{repairPromiseWords(repairPromise('normal', promised))}</Text>
          <Text className='muted'>{t.previewUrgent}</Text>
          <Text className='preview-promise-urgent'>{repairPromiseWords(repairPromise('urgent', promised))}</Text>
        </ResidentPreview>
      )}
      <SectionSave sections={['promise']} saving={saving} />
    </View>
  );
}
