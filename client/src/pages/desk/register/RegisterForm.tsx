import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { useDraft } from '../../../hooks/useDraft';
import { useDraftSend } from '../../../hooks/useDraftSend';
import { fieldErrorsOf, textFieldErrors } from '../../../utils/field-errors';
import type { ResidentMatch } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import type { SessionContext } from '../../../store/session.store';
import PrimaryButton from '../../../components/PrimaryButton';
import CallerLines from '../../../components/CallerLines';
import RepairFields from '../../../components/RepairFields';
import { repairPlaceOf } from '../../../components/PublicPlace/place';
import ResidentSearch from '../../../components/ResidentSearch';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { routes } from '../../../utils/routes';
import KeyScope from '../../../keyboard/KeyScope';
import Pressable from '../../../keyboard/Pressable';
import { emptyRegisterDraft, RegisterDraft, registerDraftKey } from './draft';
import RegisterWhere, { buildingFor } from './RegisterWhere';

type Field = keyof typeof deskUi.deskRegister.fieldErrors;
const channels = ['phone', 'walk_in'] as const;

interface Props {
  context: SessionContext;
  onRegistered: (repair: repairs.RepairView) => void;
}

/**
 * R2 V2: the desk takes down a call or a walk-in: who (found by room or name), which room or public
 * place (issue 18, 5), how they came, who is
 * calling and on what number, what is broken, and when to come. Kept as a draft until registered.
 * Done from the keyboard alone (issue 17, 2): the search has the focus, Enter searches, Tab walks the
 * chips and tiles (Enter or Space picks), Enter sends, Esc goes back with the draft kept.
 */
export default function RegisterForm({ context, onRegistered }: Props) {
  const askConsent = useSubscribeConsent();
  const t = deskUi.deskRegister;
  const { draft, restored, update, clear } = useDraft(
    registerDraftKey(context.property.propertyId, context.memberId),
    RegisterDraft,
    emptyRegisterDraft,
  );
  const { errors, setErrors, problem, sending, forget, send } = useDraftSend(t.fieldErrors);
  const resumed = restored && Boolean(draft.resident || draft.description || draft.category);

  const edit = useCallback(
    (patch: Partial<RegisterDraft>) => {
      update({ ...patch, commandId: null });
      forget();
    },
    [update, forget],
  );

  const current = draft.resident?.residentId ?? null;
  const pick = useCallback(
    (resident: ResidentMatch, roomId: string | null) => {
      if (resident.residentId === current) {
        if (roomId) edit({ roomId });
        return;
      }
      edit({ resident, roomId, callerName: resident.name, phone: resident.phone, noReporter: false });
    },
    [current, edit],
  );

  const place = draft.where === 'public' ? repairPlaceOf(draft.publicPlace, buildingFor(draft), draft.floor) : null;
  // Issue 18 (5): a public place's repair nobody reported is registered with no resident.
  const noReporter = draft.where === 'public' && draft.noReporter;

  const submit = async () => {
    askConsent();
    if (sending) return;
    const { resident, roomId, category } = draft;
    const where = draft.where === 'public' ? (place ? { place } : null) : roomId ? { roomId } : null;
    const missing: Partial<Record<Field, string>> = {};
    if (!resident && !noReporter) missing.residentId = t.fieldErrors.residentId;
    else if (!where) missing[draft.where === 'public' ? 'place' : 'roomId'] = t.fieldErrors[draft.where === 'public' ? 'place' : 'roomId'];
    if (!category) missing.category = t.fieldErrors.category;
    if ((!resident && !noReporter) || !where || !category) {
      const texts = { callerName: draft.callerName.trim(), phone: draft.phone.trim(), description: draft.description };
      setErrors({ ...fieldErrorsOf(textFieldErrors(repairs.register.input, texts), t.fieldErrors), ...missing });
      return;
    }
    const registered = await send(
      repairs.register,
      {
        propertyId: context.property.propertyId,
        ...(resident && !noReporter ? { residentId: resident.residentId } : {}),
        ...where,
        channel: draft.channel,
        callerName: draft.callerName.trim(),
        phone: draft.phone.trim(),
        category,
        description: draft.description,
        preferredTime: draft.preferredTime,
      },
      draft,
      update,
    );
    if (registered) {
      clear();
      onRegistered(registered);
    }
  };

  /** Esc: back to where the desk came from (the queue when the page was opened on its own); the draft stays. */
  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined);
    else void Taro.redirectTo({ url: routes.deskInbox }).catch(() => undefined);
  };

  return (
    <KeyScope onSubmit={() => void submit()} onCancel={leave}>
      <View className='register-form'>
        {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}

        <View className='register-who'>
          <View className='card'>
            <Text className='section-title'>{t.search}</Text>
            <ResidentSearch chosenId={current} onPick={pick} />
            {draft.resident && (
              <View className='register-chosen'>
                <Text className='register-chosen-name'>{`✓ ${draft.resident.name}`}</Text>
              </View>
            )}
            <RegisterWhere draft={draft} onEdit={edit} />
            {errors.residentId && <Text className='field-error error-residentId'>{errors.residentId}</Text>}
            {errors.roomId && <Text className='field-error error-roomId'>{errors.roomId}</Text>}
            {errors.place && <Text className='field-error error-place'>{errors.place}</Text>}
          </View>

          <View className='card'>
            <Text className='section-title'>{t.channel}</Text>
            <View className='chips'>
              {channels.map((channel) => (
                <Pressable
                  key={channel}
                  id={`channel-${channel}`}
                  className={`chip channel-chip channel-${channel}${draft.channel === channel ? ' chip-on' : ''}`}
                  on={draft.channel === channel}
                  onPress={() => edit({ channel })}
                >
                  {messages.channels[channel]}
                </Pressable>
              ))}
            </View>
            <CallerLines callerName={draft.callerName} phone={draft.phone} errors={errors} text={t} onEdit={edit} />
          </View>
        </View>

        <View className='register-what'>
          <RepairFields
            value={draft}
            errors={errors}
            text={t}
            descriptionClass='register-description input-register-description'
            onEdit={edit}
          />
        </View>

        {problem && <Text className='field-error submit-problem'>{problem}</Text>}
        <PrimaryButton id='btn-submit-register' className='btn-submit-register' busy={sending} onClick={submit}>
          {sending ? t.submitting : t.submit}
        </PrimaryButton>
      </View>
    </KeyScope>
  );
}
