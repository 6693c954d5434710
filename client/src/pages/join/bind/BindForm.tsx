import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { Relation } from '@shared/model/binding.model';
import { roomId } from '@shared/model/property.model';
import { useDraft } from '../../../hooks/useDraft';
import { useDraftSend } from '../../../hooks/useDraftSend';
import { usePropertyInfo, type BindingView } from '../../../hooks/useMembers';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import PhoneNumberButton from '../../../components/PhoneNumberButton';
import PrivacyConsent from '../../../components/PrivacyConsent';
import { joinUi } from '../../../i18n/join.zh-CN';
import { BIND_DRAFT_KEY, BindDraft, emptyBindDraft } from './draft';
import PropertyCard, { type PropertyInfo } from './PropertyCard';

type Field = keyof typeof joinUi.bind.fieldErrors;
type LineName = 'building' | 'unit' | 'room' | 'name' | 'phone';

interface Props {
  /** The property a scanned code or link named, '' when none. */
  linked: string;
  onSent: (binding: BindingView, property: PropertyInfo) => void;
}

/**
 * Issue 7 (4): a newcomer asks to be bound to a room: which property, building / unit / room, who
 * they are to it, and a phone the desk can call back. Kept as a draft until sent.
 */
export default function BindForm({ linked, onSent }: Props) {
  const t = joinUi.bind;
  const { draft, restored, update, clear } = useDraft(BIND_DRAFT_KEY, BindDraft, emptyBindDraft);
  const { errors, setErrors, problem, sending, forget, send } = useDraftSend(t.fieldErrors);
  const [propertyId, setPropertyId] = useState(linked || draft.propertyId);
  // Not kept in the draft: WeChat's code is good for a few minutes and once.
  const [phoneCode, setPhoneCode] = useState<string | null>(null);
  const info = usePropertyInfo(propertyId);
  const resumed = restored && Boolean(draft.building || draft.room || draft.name);

  const edit = useCallback(
    (patch: Partial<BindDraft>) => {
      update({ ...patch, commandId: null });
      forget();
    },
    [update, forget],
  );

  /** The same id again (after a dropped network) asks again. */
  const find = (id: string) => {
    if (id === propertyId) return void info.refresh();
    setPropertyId(id);
    edit({ propertyId: id });
  };

  const submit = async () => {
    if (sending) return;
    const [building, unit, room] = [draft.building.trim(), draft.unit.trim(), draft.room.trim()];
    const missing: Partial<Record<Field, string>> = {};
    if (!info.data) missing.propertyId = t.fieldErrors.propertyId;
    if (!building || !unit || !room) missing.roomId = t.fieldErrors.roomId;
    if (!draft.relation) missing.relation = t.fieldErrors.relation;
    if (!info.data || !draft.relation || Object.keys(missing).length > 0) return setErrors(missing);
    const property = info.data;
    const input = {
      propertyId: property.propertyId,
      roomId: roomId(property.propertyId, building, unit, room),
      name: draft.name.trim(),
      relation: draft.relation,
      ...(phoneCode ? { phoneCode } : { phone: draft.phone.trim() }),
    };
    const sent = await send(members.requestBinding, input, draft, update);
    if (sent) {
      clear();
      onSent(sent, property);
    }
  };

  const line = (name: LineName, label: string, placeholder: string, error?: string) => (
    <LineField
      label={label}
      inputClass={`input-bind-${name}`}
      value={draft[name]}
      maxlength={name === 'name' ? 40 : name === 'phone' ? 20 : 10}
      placeholder={placeholder}
      error={error}
      errorClass={`error-${name}`}
      onChange={(value) => edit({ [name]: value })}
    />
  );

  return (
    <View className='bind-form'>
      {resumed && <Text className='draft-restored'>{t.draftRestored}</Text>}
      <PropertyCard linked={Boolean(linked) && propertyId === linked} propertyId={propertyId} info={info} error={errors.propertyId} onFind={find} />
      <View className='card'>
        <Text className='section-title'>{t.room}</Text>
        {line('building', t.building, t.buildingPlaceholder)}
        {line('unit', t.unit, t.unitPlaceholder)}
        {line('room', t.roomNo, t.roomNoPlaceholder)}
        {errors.roomId && <Text className='field-error error-roomId'>{errors.roomId}</Text>}
      </View>
      <View className='card'>
        {line('name', t.name, t.namePlaceholder, errors.name)}
        <Text className='line-label bind-relation-label'>{t.relation}</Text>
        <ChoiceChips options={Relation.options} value={draft.relation} label={(r) => messages.relations[r]} name='relation' onPick={(relation) => edit({ relation })} />
        {errors.relation && <Text className='field-error error-relation'>{errors.relation}</Text>}
        <PhoneNumberButton code={phoneCode} onCode={setPhoneCode} />
        {!phoneCode && line('phone', t.phone, t.phonePlaceholder, errors.phone)}
      </View>
      <PrivacyConsent />
      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton id='btn-submit-bind' className='btn-submit-bind' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
