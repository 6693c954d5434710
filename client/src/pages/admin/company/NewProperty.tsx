import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as company from '@shared/contracts/company.contract';
import { call } from '../../../api';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import type { PropertyHealth } from '../../../hooks/useCompany';
import { adminUi } from '../../../i18n/admin.zh-CN';
import { fieldErrorsOf } from '../../../utils/field-errors';
import { toastError, toastOk } from '../../../utils/toast';

const DEFAULTS = '';
const blank = { propertyId: '', name: '', address: '', deskPhone: '' };

/** Issue 14 (1): a new property, its settings copied from one of the company's (never its people) or the defaults. */
export default function NewProperty({ templates, onCreated }: { templates: PropertyHealth[]; onCreated: () => void }) {
  const t = adminUi.company;
  const [form, setForm] = useState(blank);
  const [template, setTemplate] = useState(DEFAULTS);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof blank, string>>>({});
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof blank) => (value: string) => setForm({ ...form, [key]: value });

  const create = async () => {
    setBusy(true);
    const res = await call(company.createProperty, { ...form, propertyId: form.propertyId.trim(), ...(template ? { template } : {}) });
    setBusy(false);
    if (!res.ok) {
      const words = { propertyId: t.propertyIdPlaceholder, name: t.namePlaceholder, address: t.addressPlaceholder, deskPhone: t.deskPhonePlaceholder };
      setErrors(fieldErrorsOf(res.fields, words) ?? {});
      return toastError(res.message);
    }
    setErrors({});
    setForm(blank);
    toastOk(t.created);
    onCreated();
  };

  const choices = [DEFAULTS, ...templates.map((p) => p.propertyId)];
  const label = (id: string) => templates.find((p) => p.propertyId === id)?.name ?? t.defaults;
  return (
    <View className='card new-property'>
      <Text className='section-title'>{t.newTitle}</Text>
      <LineField label={t.propertyId} inputClass='input-property-id' value={form.propertyId} maxlength={32} placeholder={t.propertyIdPlaceholder} error={errors.propertyId} errorClass='error-property-id' onChange={field('propertyId')} />
      <LineField label={t.name} inputClass='input-property-name' value={form.name} maxlength={60} placeholder={t.namePlaceholder} error={errors.name} errorClass='error-property-name' onChange={field('name')} />
      <LineField label={t.address} inputClass='input-property-address' value={form.address} maxlength={100} placeholder={t.addressPlaceholder} error={errors.address} errorClass='error-property-address' onChange={field('address')} />
      <LineField label={t.deskPhone} inputClass='input-property-phone' value={form.deskPhone} maxlength={20} placeholder={t.deskPhonePlaceholder} error={errors.deskPhone} errorClass='error-property-phone' onChange={field('deskPhone')} />
      <Text className='line-label'>{t.template}</Text>
      <ChoiceChips options={choices} value={template} label={label} name='property-template' onPick={setTemplate} />
      <PrimaryButton className='btn-create-property' busy={busy} onClick={create}>
        {busy ? t.creating : t.create}
      </PrimaryButton>
    </View>
  );
}
