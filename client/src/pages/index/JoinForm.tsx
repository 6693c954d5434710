import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { call } from '../../api';
import LineField from '../../components/LineField';
import PrimaryButton from '../../components/PrimaryButton';
import PhoneNumberButton from '../../components/PhoneNumberButton';
import PrivacyConsent from '../../components/PrivacyConsent';
import { chooseProperty } from '../../store/session.store';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { fieldErrorsOf } from '../../utils/field-errors';
import { toastError, toastOk } from '../../utils/toast';

type Field = keyof typeof ui.join.fieldErrors;

/** Issue 7 (3): staff join with their invitation's code; then they enter the property in its role. */
export default function JoinForm({ initialCode }: { initialCode: string }) {
  const t = ui.join;
  const [form, setForm] = useState({ code: initialCode, name: '', phone: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [phoneCode, setPhoneCode] = useState<string | null>(null);

  const edit = (patch: Partial<typeof form>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors({});
    setProblem('');
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const { phone, ...rest } = form;
    const res = await call(members.join, phoneCode ? { ...rest, phoneCode } : { ...rest, phone });
    setBusy(false);
    if (res.ok) {
      toastOk(fill(t.joined, { property: res.data.propertyName }));
      return void chooseProperty(res.data.propertyId);
    }
    const named = res.code === 'COMMON.BAD_INPUT' ? fieldErrorsOf(res.fields, t.fieldErrors) : null;
    if (named) return setErrors(named);
    setProblem(res.message);
    toastError(res.message);
  };

  return (
    <View className='card join-form'>
      <Text className='section-title'>{t.title}</Text>
      <LineField
        label={t.code}
        inputClass='input-join-code'
        value={form.code}
        maxlength={20}
        placeholder={t.codePlaceholder}
        error={errors.code}
        errorClass='error-code'
        onChange={(code) => edit({ code })}
      />
      <LineField
        label={t.name}
        inputClass='input-join-name'
        value={form.name}
        maxlength={40}
        placeholder={t.namePlaceholder}
        error={errors.name}
        errorClass='error-name'
        onChange={(name) => edit({ name })}
      />
      <PhoneNumberButton code={phoneCode} onCode={setPhoneCode} />
      {!phoneCode && (
        <LineField
          label={t.phone}
          inputClass='input-join-phone'
          value={form.phone}
          maxlength={20}
          placeholder={t.phonePlaceholder}
          error={errors.phone}
          errorClass='error-phone'
          onChange={(phone) => edit({ phone })}
        />
      )}
      <PrivacyConsent />
      {problem && <Text className='field-error join-problem'>{problem}</Text>}
      <PrimaryButton className='btn-join' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
