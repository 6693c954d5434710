import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import { useDraft } from '../../../hooks/useDraft';
import { useDraftSend } from '../../../hooks/useDraftSend';
import { fieldErrorsOf, textFieldErrors } from '../../../utils/field-errors';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import ComplaintFields from '../../../components/ComplaintFields';
import { buildingOf, intakeOf } from '../../../components/ComplaintFields/fields';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import FieldCard from '../../../components/FieldCard';
import PhotoPicker from '../../../components/PhotoPicker';
import PrimaryButton from '../../../components/PrimaryButton';
import { ui } from '../../../i18n/ui.zh-CN';
import { complaintDraftKey, ComplaintDraft, emptyComplaintDraft } from './draft';

const MAX_PHOTOS = 6;

interface Props {
  context: SessionContext;
  onFiled: (complaint: complaints.ComplaintView) => void;
}

/**
 * C1 投诉: which room, what about, where and when, whom, what happened, what she asks for, maybe a
 * deadline and photos; kept as a draft until sent.
 */
export default function ComplaintForm({ context, onFiled }: Props) {
  const askConsent = useSubscribeConsent();
  const t = ui.complaintForm;
  const firstRoom = context.rooms[0]?.roomId ?? '';
  const initial = useCallback(() => emptyComplaintDraft(firstRoom), [firstRoom]);
  const { draft, restored, update, clear } = useDraft(complaintDraftKey(context.property.propertyId, context.memberId), ComplaintDraft, initial);
  const { errors, setErrors, problem, sending, forget, send } = useDraftSend(t.fieldErrors);

  const resumed = restored && Boolean(draft.description || draft.category || draft.target || draft.photos.length);
  const room = context.rooms.find((r) => r.roomId === draft.roomId) ?? context.rooms[0];
  const roomId = room?.roomId ?? '';

  const edit = (patch: Partial<ComplaintDraft>) => {
    update({ ...patch, commandId: null });
    forget();
  };

  if (context.rooms.length === 0) {
    return (
      <View className='card'>
        <Text className='complaint-no-room'>{t.noRoom}</Text>
        <DeskPhoneButton phone={context.property.deskPhone} look='primary' />
      </View>
    );
  }

  const submit = async () => {
    askConsent();
    if (sending) return;
    const checked = intakeOf(draft, buildingOf(room), new Date(), t.fieldErrors);
    if (!checked.ok) {
      const texts = { target: draft.target, description: draft.description, request: draft.request };
      setErrors({ ...fieldErrorsOf(textFieldErrors(complaints.create.input, texts), t.fieldErrors), ...checked.errors });
      return;
    }
    const filed = await send(
      complaints.create,
      { propertyId: context.property.propertyId, roomId, ...checked.intake, photos: draft.photos },
      draft,
      update,
    );
    if (filed) {
      clear();
      onFiled(filed);
    }
  };

  return (
    <View className='complaint-form'>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}

      {context.rooms.length > 1 && (
        <FieldCard title={t.room} field='roomId' error={errors.roomId}>
          <ChoiceChips
            options={context.rooms.map((r) => r.roomId)}
            value={roomId}
            label={(id) => context.rooms.find((r) => r.roomId === id)?.label ?? id}
            name='room'
            onPick={(picked) => edit({ roomId: picked })}
          />
        </FieldCard>
      )}

      <ComplaintFields value={draft} errors={errors} text={t} building={buildingOf(room)} onEdit={edit}>
        <FieldCard title={t.photos} field='photos' error={errors.photos}>
          <PhotoPicker fileIDs={draft.photos} max={MAX_PHOTOS} uploadPrefix={context.uploadPrefix} onChange={(photos) => edit({ photos })} />
        </FieldCard>
      </ComplaintFields>

      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton id='btn-submit-complaint' className='btn-submit-complaint' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
