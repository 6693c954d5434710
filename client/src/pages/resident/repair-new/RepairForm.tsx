import { useCallback, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { call } from '../../../api';
import { newCommandId } from '../../../api/command-id';
import { useDraft } from '../../../hooks/useDraft';
import type { SessionContext } from '../../../store/session.store';
import CategoryGrid from '../../../components/CategoryGrid';
import PhotoPicker from '../../../components/PhotoPicker';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import WhenPicker from '../../../components/WhenPicker';
import { ui } from '../../../i18n/ui.zh-CN';
import { toastError } from '../../../utils/toast';
import { draftKey, emptyDraft, RepairDraft } from './draft';

const MAX_PHOTOS = 6;
type Field = keyof typeof ui.repairForm.fieldErrors;

const fieldOf = (path: string | undefined): Field | null => {
  const root = path?.split('.')[0];
  return root && root in ui.repairForm.fieldErrors ? (root as Field) : null;
};

interface Props {
  context: SessionContext;
  onFiled: (repair: repairs.RepairView) => void;
}

/** 报修: room, what is broken, a sentence, maybe a photo and a time; kept as a draft until sent. */
export default function RepairForm({ context, onFiled }: Props) {
  const t = ui.repairForm;
  const firstRoom = context.rooms[0]?.roomId ?? '';
  const initial = useCallback(() => emptyDraft(firstRoom), [firstRoom]);
  const { draft, restored, update, clear } = useDraft(draftKey(context.property.propertyId, context.memberId), RepairDraft, initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState('');
  const [sending, setSending] = useState(false);

  const resumed = restored && Boolean(draft.description || draft.category || draft.photos.length);
  const roomId = context.rooms.some((r) => r.roomId === draft.roomId) ? draft.roomId : firstRoom;

  const edit = (patch: Partial<RepairDraft>) => {
    update({ ...patch, commandId: null });
    setErrors({});
    setProblem('');
  };

  if (context.rooms.length === 0) {
    return (
      <View className='card'>
        <Text className='repair-no-room'>{t.noRoom}</Text>
        <DeskPhoneButton phone={context.property.deskPhone} look='primary' />
      </View>
    );
  }

  const submit = async () => {
    if (sending) return;
    const { category } = draft;
    if (!category) {
      setErrors({ category: t.fieldErrors.category });
      return;
    }
    const commandId = draft.commandId ?? newCommandId();
    update({ commandId });
    setSending(true);
    const res = await call(
      repairs.create,
      {
        propertyId: context.property.propertyId,
        roomId,
        category,
        description: draft.description,
        preferredTime: draft.preferredTime,
        photos: draft.photos,
      },
      { commandId },
    );
    setSending(false);
    if (res.ok) {
      clear();
      onFiled(res.data);
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

  return (
    <View className='repair-form'>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}

      <View className='card'>
        <Text className='section-title'>{t.room}</Text>
        <View className='chips'>
          {context.rooms.map((room) => (
            <View
              key={room.roomId}
              id={`room-${room.roomId}`}
              className={`chip room-chip${roomId === room.roomId ? ' chip-on' : ''}`}
              onClick={() => edit({ roomId: room.roomId })}
            >
              {room.label}
            </View>
          ))}
        </View>
        {errors.roomId && <Text className='field-error error-roomId'>{errors.roomId}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.category}</Text>
        <CategoryGrid value={draft.category} onChange={(category) => edit({ category })} />
        {errors.category && <Text className='field-error error-category'>{errors.category}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.description}</Text>
        <Textarea
          id='repair-description'
          className='repair-description input-description'
          value={draft.description}
          placeholder={t.descriptionPlaceholder}
          maxlength={500}
          autoHeight
          onInput={(e) => edit({ description: e.detail.value })}
        />
        {errors.description && <Text className='field-error error-description'>{errors.description}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.photos}</Text>
        <PhotoPicker
          fileIDs={draft.photos}
          max={MAX_PHOTOS}
          uploadPrefix={context.uploadPrefix}
          onChange={(photos) => edit({ photos })}
        />
        {errors.photos && <Text className='field-error error-photos'>{errors.photos}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.when}</Text>
        <WhenPicker value={draft.preferredTime} onChange={(preferredTime) => edit({ preferredTime })} />
        {errors.preferredTime && <Text className='field-error error-preferredTime'>{errors.preferredTime}</Text>}
      </View>

      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <Button
        id='btn-submit-repair'
        className={`btn btn-primary btn-submit-repair${sending ? ' btn-busy' : ''}`}
        onClick={() => void submit()}
      >
        {sending ? t.submitting : t.submit}
      </Button>
    </View>
  );
}
