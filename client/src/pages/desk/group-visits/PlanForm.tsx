import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import * as reception from '@shared/contracts/reception.contract';
import { useDraft } from '../../../hooks/useDraft';
import { useFocusChain } from '../../../hooks/useFocusChain';
import { usePlanGroupVisit, type GroupVisitView } from '../../../hooks/useReception';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { fieldErrorsOf, rejectedFields } from '../../../utils/field-errors';
import { formatDay } from '../../../utils/time';
import { emptyGroupVisitDraft, GroupVisitDraft, groupVisitDraftKey, planOf } from './draft';

type Field = 'names' | 'headcount' | 'itinerary' | 'arrival' | 'departure';

interface Props {
  context: SessionContext;
  /** The days a visit can be planned on, the same the list shows. */
  days: readonly string[];
  onPlanned: (visit: GroupVisitView) => void;
}

/**
 * V3: the desk plans a group visit: who comes (one name a line, or separated by commas), how many,
 * what they will see, the day, and when they arrive and leave. Staff are reminded 30 minutes before
 * they arrive. Kept as a draft until it is planned.
 */
export default function PlanForm({ context, days, onPlanned }: Props) {
  const t = deskUi.groupVisits;
  const { draft, restored, update, clear } = useDraft(groupVisitDraftKey(context.property.propertyId, context.memberId), GroupVisitDraft, emptyGroupVisitDraft);
  const { errors, setErrors, problem, sending, forget, plan } = usePlanGroupVisit(t.fieldErrors);
  const resumed = restored && Boolean(draft.names || draft.itinerary);

  const edit = useCallback(
    (patch: Partial<GroupVisitDraft>) => {
      update({ ...patch, commandId: null });
      forget();
    },
    [update, forget],
  );

  const submit = async () => {
    if (sending) return;
    const checked = planOf(draft, new Date());
    const input = { propertyId: context.property.propertyId, ...checked.plan };
    const wrong = { ...fieldErrorsOf(rejectedFields(reception.planGroupVisit, input), t.fieldErrors), ...checked.errors };
    if (Object.keys(wrong).length > 0) return setErrors(wrong);
    const planned = await plan(input, draft, update);
    if (planned) {
      clear();
      onPlanned(planned);
    }
  };

  const chain = useFocusChain<Field>(['names', 'headcount', 'itinerary', 'arrival', 'departure'], (field) => `input-group-${field}`, () => void submit());
  const names = chain('names');
  const itinerary = chain('itinerary');

  return (
    <View className='card group-form'>
      <Text className='section-title'>{t.newTitle}</Text>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}
      <View className='line-field'>
        <ReasonField
          label={t.names}
          labelClass='line-label'
          inputClass='group-names-box input-group-names'
          value={draft.names}
          maxlength={2000}
          placeholder={t.namesPlaceholder}
          error={errors.names}
          errorClass='error-names'
          focus={names.focus}
          onFocus={names.onFocus}
          onChange={(value) => edit({ names: value })}
        />
      </View>
      <LineField
        label={t.headcount}
        inputClass='input-group-headcount'
        type='number'
        value={draft.headcount}
        maxlength={3}
        placeholder={t.headcountPlaceholder}
        error={errors.headcount}
        errorClass='error-headcount'
        {...chain('headcount')}
        onChange={(headcount) => edit({ headcount })}
      />
      <View className='line-field'>
        <ReasonField
          label={t.itinerary}
          labelClass='line-label'
          inputClass='group-itinerary-box input-group-itinerary'
          value={draft.itinerary}
          maxlength={500}
          placeholder={t.itineraryPlaceholder}
          error={errors.itinerary}
          errorClass='error-itinerary'
          focus={itinerary.focus}
          onFocus={itinerary.onFocus}
          onChange={(value) => edit({ itinerary: value })}
        />
      </View>
      <Text className='line-label group-date-label'>{t.date}</Text>
      <ChoiceChips name='plan-date' options={days} value={draft.arrivalDate} label={(day) => formatDay(day)} onPick={(arrivalDate) => edit({ arrivalDate })} />
      <View className='group-times'>
        <LineField
          label={t.arrival}
          inputClass='input-group-arrival'
          value={draft.arrivalTime}
          maxlength={5}
          placeholder={t.arrivalPlaceholder}
          error={errors.arrivalAt}
          errorClass='error-arrivalAt'
          {...chain('arrival')}
          onChange={(arrivalTime) => edit({ arrivalTime })}
        />
        <LineField
          label={t.departure}
          inputClass='input-group-departure'
          value={draft.departureTime}
          maxlength={5}
          placeholder={t.departurePlaceholder}
          error={errors.departureAt}
          errorClass='error-departureAt'
          {...chain('departure')}
          onChange={(departureTime) => edit({ departureTime })}
        />
      </View>
      <Text className='group-reminder-hint'>{`⏰ ${t.reminderHint}`}</Text>
      <Text className='muted group-keyboard-hint'>{deskUi.reception.keyboardHint}</Text>
      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton className='btn-submit-group' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
