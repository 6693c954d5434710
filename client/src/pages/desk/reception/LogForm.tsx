import { useCallback, useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import * as reception from '@shared/contracts/reception.contract';
import { useDraft } from '../../../hooks/useDraft';
import { useFocusChain } from '../../../hooks/useFocusChain';
import { useLogVisit, type ReceptionView } from '../../../hooks/useReception';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { fieldErrorsOf, rejectedFields } from '../../../utils/field-errors';
import { formatDay, nextDays } from '../../../utils/time';
import { emptyReceptionDraft, entryOf, ReceptionDraft, receptionDraftKey, receptionKinds } from './draft';

type Field = 'name' | 'phone' | 'address' | 'subject' | 'department' | 'responsible' | 'reply-time';

interface Props {
  context: SessionContext;
  onLogged: (item: ReceptionView) => void;
}

/**
 * V1 V2: the desk logs a walk-in or a call as it happens: who, where from, on what number, about what,
 * which department and person are responsible; settled on the spot, or an answer promised by a day
 * and time. Typed from the keyboard, Enter moving on; kept as a draft until it is in the log.
 */
export default function LogForm({ context, onLogged }: Props) {
  const t = deskUi.reception;
  const { draft, restored, update, clear } = useDraft(receptionDraftKey(context.property.propertyId, context.memberId), ReceptionDraft, emptyReceptionDraft);
  const { errors, setErrors, problem, sending, forget, log } = useLogVisit(t.fieldErrors);
  const [replyDays] = useState(() => nextDays(7));
  const resumed = restored && Boolean(draft.name || draft.subject);

  const edit = useCallback(
    (patch: Partial<ReceptionDraft>) => {
      update({ ...patch, commandId: null });
      forget();
    },
    [update, forget],
  );

  const submit = async () => {
    if (sending) return;
    const { entry, replyProblem } = entryOf(draft, new Date());
    const input = { propertyId: context.property.propertyId, ...entry };
    const wrong = { ...fieldErrorsOf(rejectedFields(reception.log, input), t.fieldErrors), ...(replyProblem ? { replyBy: replyProblem } : {}) };
    if (Object.keys(wrong).length > 0) return setErrors(wrong);
    const logged = await log(input, draft, update);
    if (logged) {
      clear();
      onLogged(logged);
    }
  };

  const order: readonly Field[] = ['name', 'phone', 'address', 'subject', 'department', 'responsible', ...(draft.settled ? [] : (['reply-time'] as const))];
  const chain = useFocusChain(order, (field) => `input-reception-${field}`, () => void submit());
  const subjectKeys = chain('subject');
  const line = (field: Exclude<Field, 'subject' | 'reply-time'>, maxlength: number) => (
    <LineField
      label={t[field]}
      inputClass={`input-reception-${field}`}
      value={draft[field]}
      maxlength={maxlength}
      placeholder={t[`${field}Placeholder`]}
      error={errors[field]}
      errorClass={`error-${field}`}
      {...chain(field)}
      onChange={(value) => edit({ [field]: value })}
    />
  );

  return (
    <View className='card reception-form'>
      <Text className='section-title'>{t.newTitle}</Text>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}
      <ChoiceChips name='reception-kind' options={receptionKinds} value={draft.kind} label={(kind) => t.kinds[kind]} onPick={(kind) => edit({ kind })} />
      {line('name', 40)}
      {line('phone', 20)}
      {line('address', 40)}
      <View className='line-field'>
        <ReasonField
          label={t.subject}
          labelClass='line-label'
          inputClass='reception-subject-box input-reception-subject'
          value={draft.subject}
          maxlength={500}
          placeholder={t.subjectPlaceholder}
          error={errors.subject}
          errorClass='error-subject'
          focus={subjectKeys.focus}
          onFocus={subjectKeys.onFocus}
          onChange={(subject) => edit({ subject })}
        />
      </View>
      {line('department', 40)}
      {line('responsible', 40)}

      <View className='reception-settled'>
        <Switch className='switch-settled' checked={draft.settled} color='#067d3f' nativeProps={{ 'aria-label': t.settled }} onChange={(e) => edit({ settled: e.detail.value })} />
        <Text className='reception-settled-label' onClick={() => edit({ settled: !draft.settled })}>
          {t.settled}
        </Text>
      </View>
      {!draft.settled && (
        <View className='reception-reply'>
          <Text className='muted reception-reply-hint'>{t.replyHint}</Text>
          <Text className='line-label'>{t.replyDate}</Text>
          <ChoiceChips name='reply-date' options={replyDays} value={draft.replyDate} label={(day) => formatDay(day)} onPick={(replyDate) => edit({ replyDate })} />
          <LineField
            label={t.replyTime}
            inputClass='input-reception-reply-time'
            value={draft.replyTime}
            maxlength={5}
            placeholder={t.replyTimePlaceholder}
            error={errors.replyBy}
            errorClass='error-replyBy'
            {...chain('reply-time')}
            onChange={(replyTime) => edit({ replyTime })}
          />
        </View>
      )}

      <Text className='muted reception-keyboard-hint'>{t.keyboardHint}</Text>
      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton className='btn-submit-reception' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
