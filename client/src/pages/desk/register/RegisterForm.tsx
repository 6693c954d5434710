import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import { useDraft } from '../../../hooks/useDraft';
import { useDraftSend } from '../../../hooks/useDraftSend';
import { fieldErrorsOf, textFieldErrors } from '../../../utils/field-errors';
import type { ResidentMatch } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import type { SessionContext } from '../../../store/session.store';
import PrimaryButton from '../../../components/PrimaryButton';
import CallerLines from '../../../components/CallerLines';
import RepairFields from '../../../components/RepairFields';
import ResidentSearch from '../../../components/ResidentSearch';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { emptyRegisterDraft, RegisterDraft, registerDraftKey } from './draft';

type Field = keyof typeof deskUi.deskRegister.fieldErrors;
const channels = ['phone', 'walk_in'] as const;

interface Props {
  context: SessionContext;
  onRegistered: (repair: repairs.RepairView) => void;
}

/**
 * R2 V2: the desk takes down a call or a walk-in: who (found by room or name), how they came, who is
 * calling and on what number, what is broken, and when to come. Kept as a draft until registered.
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
      edit({ resident, roomId, callerName: resident.name, phone: resident.phone });
    },
    [current, edit],
  );

  const submit = async () => {
    askConsent();
    if (sending) return;
    const { resident, roomId, category } = draft;
    const missing: Partial<Record<Field, string>> = {};
    if (!resident) missing.residentId = t.fieldErrors.residentId;
    else if (!roomId) missing.roomId = t.fieldErrors.roomId;
    if (!category) missing.category = t.fieldErrors.category;
    if (!resident || !roomId || !category) {
      const texts = { callerName: draft.callerName.trim(), phone: draft.phone.trim(), description: draft.description };
      setErrors({ ...fieldErrorsOf(textFieldErrors(repairs.register.input, texts), t.fieldErrors), ...missing });
      return;
    }
    const registered = await send(
      repairs.register,
      {
        propertyId: context.property.propertyId,
        residentId: resident.residentId,
        roomId,
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

  const rooms = draft.resident?.rooms ?? [];
  return (
    <View className='register-form'>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}

      <View className='card'>
        <Text className='section-title'>{t.search}</Text>
        <ResidentSearch chosenId={current} onPick={pick} />
        {draft.resident && (
          <View className='register-chosen'>
            <Text className='register-chosen-name'>{`✓ ${draft.resident.name}`}</Text>
            <Text className='section-title register-room-title'>{t.room}</Text>
            <View className='chips'>
              {rooms.map((room) => (
                <View
                  key={room.roomId}
                  id={`register-room-${room.roomId}`}
                  className={`chip room-option${draft.roomId === room.roomId ? ' chip-on' : ''}`}
                  onClick={() => edit({ roomId: room.roomId })}
                >
                  {room.label}
                </View>
              ))}
            </View>
          </View>
        )}
        {errors.residentId && <Text className='field-error error-residentId'>{errors.residentId}</Text>}
        {errors.roomId && <Text className='field-error error-roomId'>{errors.roomId}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.channel}</Text>
        <View className='chips'>
          {channels.map((channel) => (
            <View
              key={channel}
              id={`channel-${channel}`}
              className={`chip channel-chip channel-${channel}${draft.channel === channel ? ' chip-on' : ''}`}
              onClick={() => edit({ channel })}
            >
              {messages.channels[channel]}
            </View>
          ))}
        </View>
        <CallerLines callerName={draft.callerName} phone={draft.phone} errors={errors} text={t} onEdit={edit} />
      </View>

      <RepairFields
        value={draft}
        errors={errors}
        text={t}
        descriptionClass='register-description input-register-description'
        onEdit={edit}
      />

      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton id='btn-submit-register' className='btn-submit-register' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
