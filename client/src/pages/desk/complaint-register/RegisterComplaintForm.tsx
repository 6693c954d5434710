import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import { complaintErrors } from '@shared/messages/complaints.zh-CN';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { useDraft } from '../../../hooks/useDraft';
import { useDraftSend } from '../../../hooks/useDraftSend';
import type { ResidentMatch } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import type { SessionContext } from '../../../store/session.store';
import CheckItem from '../../../components/CheckItem';
import ChoiceChips from '../../../components/ChoiceChips';
import ComplaintFields from '../../../components/ComplaintFields';
import { buildingOf, intakeOf } from '../../../components/ComplaintFields/fields';
import CallerLines from '../../../components/CallerLines';
import PrimaryButton from '../../../components/PrimaryButton';
import ResidentSearch from '../../../components/ResidentSearch';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { complaintChannels, ComplaintRegisterDraft, complaintRegisterDraftKey, emptyComplaintRegisterDraft } from './draft';

type Field = keyof typeof deskUi.deskComplaintRegister.fieldErrors;

interface Props {
  context: SessionContext;
  onRegistered: (complaint: complaints.ComplaintView) => void;
}

/**
 * C1 V2: the desk takes down a complaint by phone, in person, by letter or e-mail: who (found by room
 * or name), how it came, who is complaining and on what number, the C1 fields, and — before anything
 * is registered — the apology made on the department's behalf. Kept as a draft until registered.
 */
export default function RegisterComplaintForm({ context, onRegistered }: Props) {
  const askConsent = useSubscribeConsent();
  const t = deskUi.deskComplaintRegister;
  const { draft, restored, update, clear } = useDraft(
    complaintRegisterDraftKey(context.property.propertyId, context.memberId),
    ComplaintRegisterDraft,
    emptyComplaintRegisterDraft,
  );
  const { errors, setErrors, problem, sending, forget, send } = useDraftSend(t.fieldErrors);
  const [apologyMissing, setApologyMissing] = useState(false);
  const resumed = restored && Boolean(draft.resident || draft.description || draft.category);

  const edit = useCallback(
    (patch: Partial<ComplaintRegisterDraft>) => {
      update({ ...patch, commandId: null });
      forget();
      setApologyMissing(false);
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

  const rooms = draft.resident?.rooms ?? [];
  const room = rooms.find((r) => r.roomId === draft.roomId);

  const submit = async () => {
    askConsent();
    if (sending) return;
    const { resident } = draft;
    const missing: Partial<Record<Field, string>> = {};
    if (!resident) missing.residentId = t.fieldErrors.residentId;
    else if (!room) missing.roomId = t.fieldErrors.roomId;
    const checked = intakeOf(draft, buildingOf(room), new Date(), t.fieldErrors);
    if (!resident || !room || !checked.ok || !draft.apologised) {
      setErrors({ ...missing, ...(checked.ok ? {} : checked.errors) });
      setApologyMissing(!draft.apologised);
      return;
    }
    const registered = await send(
      complaints.register,
      {
        propertyId: context.property.propertyId,
        residentId: resident.residentId,
        roomId: room.roomId,
        channel: draft.channel,
        callerName: draft.callerName.trim(),
        phone: draft.phone.trim(),
        apologised: true,
        ...checked.intake,
      },
      draft,
      update,
    );
    if (registered) {
      clear();
      onRegistered(registered);
    }
  };

  return (
    <View className='register-complaint-form'>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}

      <View className='card'>
        <Text className='section-title'>{deskUi.deskRegister.search}</Text>
        <ResidentSearch chosenId={current} onPick={pick} />
        {draft.resident && (
          <View className='register-chosen'>
            <Text className='register-chosen-name'>{`✓ ${draft.resident.name}`}</Text>
            <Text className='section-title'>{t.room}</Text>
            <ChoiceChips
              options={rooms.map((r) => r.roomId)}
              value={draft.roomId}
              label={(id) => rooms.find((r) => r.roomId === id)?.label ?? id}
              name='register-room'
              onPick={(roomId) => edit({ roomId })}
            />
          </View>
        )}
        {errors.residentId && <Text className='field-error error-residentId'>{errors.residentId}</Text>}
        {errors.roomId && <Text className='field-error error-roomId'>{errors.roomId}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>{t.channel}</Text>
        <ChoiceChips
          options={complaintChannels}
          value={draft.channel}
          label={(channel) => messages.complaintChannels[channel]}
          name='channel'
          onPick={(channel) => edit({ channel })}
        />
        <CallerLines callerName={draft.callerName} phone={draft.phone} errors={errors} text={t} onEdit={edit} />
      </View>

      <ComplaintFields value={draft} errors={errors} text={t} building={buildingOf(room)} onEdit={edit} />

      <View className={`card apology-card${apologyMissing ? ' apology-missing' : ''}`}>
        <Text className='muted apology-hint'>{t.apologyHint}</Text>
        <CheckItem checked={draft.apologised} label={t.apology} className='check-apologised' onChange={(apologised) => edit({ apologised })} />
        {apologyMissing && <Text className='field-error error-apologised'>{complaintErrors['COMPLAINT.APOLOGY_REQUIRED']}</Text>}
      </View>

      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton id='btn-submit-complaint-register' className='btn-submit-complaint-register' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
