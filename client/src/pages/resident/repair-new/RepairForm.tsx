import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { useDraft } from '../../../hooks/useDraft';
import { useDraftSend } from '../../../hooks/useDraftSend';
import { fieldErrorsOf, textFieldErrors } from '../../../utils/field-errors';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import type { SessionContext } from '../../../store/session.store';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import FieldCard from '../../../components/FieldCard';
import PhotoPicker from '../../../components/PhotoPicker';
import PrimaryButton from '../../../components/PrimaryButton';
import RepairFields from '../../../components/RepairFields';
import PublicPlace from '../../../components/PublicPlace';
import { repairPlaceOf } from '../../../components/PublicPlace/place';
import { buildingOf } from '../../../components/ComplaintFields/fields';
import { ui } from '../../../i18n/ui.zh-CN';
import { draftKey, emptyDraft, RepairDraft } from './draft';

const MAX_PHOTOS = 6;

interface Props {
  context: SessionContext;
  onFiled: (repair: repairs.FiledRepair) => void;
}

/** 报修: room or public place (issue 18, 5), what is broken, a sentence, maybe a photo and a time; kept as a draft until sent. */
export default function RepairForm({ context, onFiled }: Props) {
  const askConsent = useSubscribeConsent();
  const t = ui.repairForm;
  const firstRoom = context.rooms[0]?.roomId ?? '';
  const initial = useCallback(() => emptyDraft(firstRoom), [firstRoom]);
  const { draft, restored, update, clear } = useDraft(draftKey(context.property.propertyId, context.memberId), RepairDraft, initial);
  const { errors, setErrors, problem, sending, forget, send } = useDraftSend(t.fieldErrors);

  const resumed = restored && Boolean(draft.description || draft.category || draft.photos.length);
  const roomId = context.rooms.some((r) => r.roomId === draft.roomId) ? draft.roomId : firstRoom;
  const building = buildingOf(context.rooms.find((r) => r.roomId === roomId));
  const place = draft.where === 'public' ? repairPlaceOf(draft.publicPlace, building, draft.floor) : null;

  const edit = (patch: Partial<RepairDraft>) => {
    update({ ...patch, commandId: null });
    forget();
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
    askConsent();
    if (sending) return;
    const { category } = draft;
    const noPlace = draft.where === 'public' && !place;
    if (!category || noPlace) {
      setErrors({
        ...fieldErrorsOf(textFieldErrors(repairs.create.input, { description: draft.description }), t.fieldErrors),
        ...(category ? {} : { category: t.fieldErrors.category }),
        ...(noPlace ? { place: t.fieldErrors.place } : {}),
      });
      return;
    }
    const filed = await send(
      repairs.create,
      {
        propertyId: context.property.propertyId,
        ...(place ? { place } : { roomId }),
        category,
        description: draft.description,
        preferredTime: draft.preferredTime,
        photos: draft.photos,
      },
      draft,
      update,
    );
    if (filed) {
      clear();
      onFiled(filed);
    }
  };

  return (
    <View className='repair-form'>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}

      <FieldCard title={t.room} field='place' error={errors.roomId ?? errors.place}>
        <View className='chips'>
          {context.rooms.map((room) => (
            <View
              key={room.roomId}
              id={`room-${room.roomId}`}
              className={`chip room-chip${draft.where === 'room' && roomId === room.roomId ? ' chip-on' : ''}`}
              onClick={() => edit({ roomId: room.roomId, where: 'room' })}
            >
              {room.label}
            </View>
          ))}
          <View id='room-public' className={`chip room-chip${draft.where === 'public' ? ' chip-on' : ''}`} onClick={() => edit({ where: 'public' })}>
            {t.publicPlace}
          </View>
        </View>
        {draft.where === 'public' && <PublicPlace building={building} place={draft.publicPlace} floor={draft.floor} text={t} onEdit={edit} />}
      </FieldCard>

      <RepairFields
        value={draft}
        errors={errors}
        text={t}
        descriptionId='repair-description'
        descriptionClass='repair-description input-description'
        onEdit={edit}
      >
        <FieldCard title={t.photos} field='photos' error={errors.photos}>
          <PhotoPicker
            fileIDs={draft.photos}
            max={MAX_PHOTOS}
            uploadPrefix={context.uploadPrefix}
            onChange={(photos) => edit({ photos })}
          />
        </FieldCard>
      </RepairFields>

      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton id='btn-submit-repair' className='btn-submit-repair' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
