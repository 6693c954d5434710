import { useCallback, useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import { call } from '../../../api';
import { newCommandId } from '../../../api/command-id';
import { useDraft } from '../../../hooks/useDraft';
import type { ResidentMatch } from '../../../hooks/useRepairs';
import type { SessionContext } from '../../../store/session.store';
import CategoryGrid from '../../../components/CategoryGrid';
import ResidentSearch from '../../../components/ResidentSearch';
import WhenPicker from '../../../components/WhenPicker';
import { ui } from '../../../i18n/ui.zh-CN';
import { toastError } from '../../../utils/toast';
import { emptyRegisterDraft, RegisterDraft, registerDraftKey } from './draft';

type Field = keyof typeof ui.deskRegister.fieldErrors;
const channels = ['phone', 'walk_in'] as const;

const fieldOf = (path: string | undefined): Field | null => {
  const root = path?.split('.')[0];
  return root && root in ui.deskRegister.fieldErrors ? (root as Field) : null;
};

interface Props {
  context: SessionContext;
  onRegistered: (repair: repairs.RepairView) => void;
}

/**
 * R2 V2: the desk takes down a call or a walk-in: who (found by room or name), how they came, who is
 * calling and on what number, what is broken, and when to come. Kept as a draft until registered.
 */
export default function RegisterForm({ context, onRegistered }: Props) {
  const t = ui.deskRegister;
  const { draft, restored, update, clear } = useDraft(
    registerDraftKey(context.property.propertyId, context.memberId),
    RegisterDraft,
    emptyRegisterDraft,
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState('');
  const [sending, setSending] = useState(false);
  const resumed = restored && Boolean(draft.resident || draft.description || draft.category);

  const edit = useCallback(
    (patch: Partial<RegisterDraft>) => {
      update({ ...patch, commandId: null });
      setErrors({});
      setProblem('');
    },
    [update],
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
    if (sending) return;
    const { resident, roomId, category } = draft;
    const missing: Partial<Record<Field, string>> = {};
    if (!resident) missing.residentId = t.fieldErrors.residentId;
    else if (!roomId) missing.roomId = t.fieldErrors.roomId;
    if (!category) missing.category = t.fieldErrors.category;
    if (!resident || !roomId || !category) {
      setErrors(missing);
      return;
    }
    const commandId = draft.commandId ?? newCommandId();
    update({ commandId });
    setSending(true);
    const res = await call(
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
      { commandId },
    );
    setSending(false);
    if (res.ok) {
      clear();
      onRegistered(res.data);
      return;
    }
    const fields = (res.fields ?? []).map(fieldOf).filter((f): f is Field => f !== null);
    if (fields.length > 0) {
      setErrors(Object.fromEntries(fields.map((f) => [f, t.fieldErrors[f]])));
      return;
    }
    setProblem(res.message);
    toastError(res.message);
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
        <View className='register-field'>
          <Text className='register-label'>{t.callerName}</Text>
          <Input
            className='register-input input-caller-name'
            type='text'
            value={draft.callerName}
            maxlength={40}
            placeholder={t.callerNamePlaceholder}
            onInput={(e) => edit({ callerName: e.detail.value })}
          />
          {errors.callerName && <Text className='field-error error-callerName'>{errors.callerName}</Text>}
        </View>
        <View className='register-field'>
          <Text className='register-label'>{t.phone}</Text>
          <Input
            className='register-input input-caller-phone'
            type='text'
            value={draft.phone}
            maxlength={20}
            placeholder={t.phonePlaceholder}
            onInput={(e) => edit({ phone: e.detail.value })}
          />
          {errors.phone && <Text className='field-error error-phone'>{errors.phone}</Text>}
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>{t.category}</Text>
        <CategoryGrid value={draft.category} onChange={(category) => edit({ category })} />
        {errors.category && <Text className='field-error error-category'>{errors.category}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.description}</Text>
        <Textarea
          className='register-description input-register-description'
          value={draft.description}
          placeholder={t.descriptionPlaceholder}
          maxlength={500}
          autoHeight
          onInput={(e) => edit({ description: e.detail.value })}
        />
        {errors.description && <Text className='field-error error-description'>{errors.description}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.when}</Text>
        <WhenPicker value={draft.preferredTime} onChange={(preferredTime) => edit({ preferredTime })} />
        {errors.preferredTime && <Text className='field-error error-preferredTime'>{errors.preferredTime}</Text>}
      </View>

      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <Button
        id='btn-submit-register'
        className={`btn btn-primary btn-submit-register${sending ? ' btn-busy' : ''}`}
        onClick={() => void submit()}
      >
        {sending ? t.submitting : t.submit}
      </Button>
    </View>
  );
}
