import { DutyKind } from '@shared/model/duty-kind.model';
import { EntryStatus } from '@shared/model/duty.model';
import { Text, View } from '@tarojs/components';
import ChoiceChips from '../../../components/ChoiceChips';
import ReasonField from '../../../components/ReasonField';
import { dutyUi } from '../../../i18n/duty.zh-CN';

export interface EntryDraft {
  kind: DutyKind;
  what: string;
  handling: string;
  followUp: string;
  result: string;
  status: EntryStatus;
}

export const emptyEntry = (): EntryDraft => ({ kind: 'other', what: '', handling: '', followUp: '', result: '', status: 'closed' });

interface Props {
  draft: EntryDraft;
  /** Kind and what happened are fixed for an entry already logged or proposed. */
  fixed: boolean;
  name: string;
  onChange: (draft: EntryDraft) => void;
}

/** D1: an entry's fields: kind, what happened, how it was handled, follow-up, result and state. */
export default function EntryFields({ draft, fixed, name, onChange }: Props) {
  const t = dutyUi;
  const set = (patch: Partial<EntryDraft>) => onChange({ ...draft, ...patch });
  return (
    <View className={`duty-fields ${name}-fields`}>
      {!fixed && (
        <>
          <Text className='field-label'>{t.kind}</Text>
          <ChoiceChips name={`${name}-kind`} options={DutyKind.options} value={draft.kind} label={(k) => t.kinds[k]} onPick={(kind) => set({ kind })} />
          <ReasonField label={t.what} labelClass='field-label' inputClass={`${name}-what`} value={draft.what} placeholder={t.whatPlaceholder} maxlength={500} onChange={(what) => set({ what })} />
        </>
      )}
      <ReasonField label={t.handling} labelClass='field-label' inputClass={`${name}-handling`} value={draft.handling} placeholder={t.handlingPlaceholder} maxlength={500} onChange={(handling) => set({ handling })} />
      <ReasonField label={t.followUp} labelClass='field-label' inputClass={`${name}-follow-up`} value={draft.followUp} placeholder={t.followUpPlaceholder} maxlength={500} onChange={(followUp) => set({ followUp })} />
      <ReasonField label={t.result} labelClass='field-label' inputClass={`${name}-result`} value={draft.result} placeholder={t.resultPlaceholder} maxlength={500} onChange={(result) => set({ result })} />
      <Text className='field-label'>{t.state}</Text>
      <ChoiceChips name={`${name}-status`} options={EntryStatus.options} value={draft.status} label={(s) => t.status[s]} onPick={(status) => set({ status })} />
    </View>
  );
}
