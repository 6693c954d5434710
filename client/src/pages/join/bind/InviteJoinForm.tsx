import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { normalizeCode } from '@shared/domain/invitation.rules';
import { useDraftSend } from '../../../hooks/useDraftSend';
import { usePropertyInfo, type BindingView } from '../../../hooks/useMembers';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import PhoneNumberButton from '../../../components/PhoneNumberButton';
import PrivacyConsent from '../../../components/PrivacyConsent';
import { joinUi } from '../../../i18n/join.zh-CN';
import PropertyCard, { type PropertyInfo } from './PropertyCard';

type Field = keyof typeof joinUi.invited.fieldErrors;
type LineName = 'code' | 'name' | 'phone';

interface Props {
  /** The property and the code the owner's shared link carried, '' when typed by hand. */
  linked: string;
  code: string;
  onSent: (binding: BindingView, property: PropertyInfo) => void;
}

/**
 * Issue 18 (5): someone an owner invited binds her room with the code: no building or relation to
 * type (the invitation names them), only who they are and a phone the desk can call.
 */
export default function InviteJoinForm({ linked, code, onSent }: Props) {
  const t = joinUi.invited;
  const [form, setForm] = useState({ code, name: '', phone: '', commandId: null as string | null });
  const { errors, setErrors, problem, sending, forget, send } = useDraftSend(t.fieldErrors);
  const [propertyId, setPropertyId] = useState(linked);
  const [phoneCode, setPhoneCode] = useState<string | null>(null);
  const info = usePropertyInfo(propertyId);

  const edit = useCallback(
    (patch: Partial<typeof form>) => {
      setForm((was) => ({ ...was, ...patch, commandId: null }));
      forget();
    },
    [forget],
  );

  const submit = async () => {
    if (sending) return;
    const missing: Partial<Record<Field, string>> = {};
    if (!info.data) missing.propertyId = t.fieldErrors.propertyId;
    if (!normalizeCode(form.code)) missing.code = t.fieldErrors.code;
    if (!info.data || Object.keys(missing).length > 0) return setErrors(missing);
    const property = info.data;
    const input = { propertyId: property.propertyId, code: form.code.trim(), name: form.name.trim(), ...(phoneCode ? { phoneCode } : { phone: form.phone.trim() }) };
    const sent = await send(members.joinRoom, input, form, (patch) => setForm((was) => ({ ...was, ...patch })));
    if (sent) onSent(sent, property);
  };

  const line = (name: LineName, label: string, placeholder: string, error?: string) => (
    <LineField
      label={label}
      inputClass={`input-invited-${name}`}
      value={form[name]}
      maxlength={name === 'name' ? 40 : 20}
      placeholder={placeholder}
      error={error}
      errorClass={`error-${name}`}
      onChange={(value) => edit({ [name]: value })}
    />
  );

  return (
    <View className='bind-form invited-form'>
      <PropertyCard linked={Boolean(linked) && propertyId === linked} propertyId={propertyId} info={info} error={errors.propertyId} onFind={setPropertyId} />
      <View className='card'>
        {line('code', t.code, t.codePlaceholder, errors.code)}
        {line('name', t.name, t.namePlaceholder, errors.name)}
        <PhoneNumberButton code={phoneCode} onCode={setPhoneCode} />
        {!phoneCode && line('phone', t.phone, t.phonePlaceholder, errors.phone)}
      </View>
      <PrivacyConsent />
      {problem && <Text className='field-error submit-problem'>{problem}</Text>}
      <PrimaryButton id='btn-submit-invited' className='btn-submit-invited' busy={sending} onClick={submit}>
        {sending ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
