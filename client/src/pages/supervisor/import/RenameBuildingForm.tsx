import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as imports from '@shared/contracts/imports.contract';
import { call } from '../../../api';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';

const PART = /^[A-Za-z0-9]{1,10}$/;

/** Issue 7 (2), a small edit: a building's new name; its rooms and their residents move with it. */
export default function RenameBuildingForm({ propertyId }: { propertyId: string }) {
  const t = supervisorUi.roomImport;
  const [form, setForm] = useState({ from: '', to: '' });
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);

  const rename = async () => {
    if (busy) return;
    const parts = { from: form.from.trim(), to: form.to.trim() };
    if (!PART.test(parts.from) || !PART.test(parts.to)) return setProblem(t.renameNeedParts);
    setBusy(true);
    const res = await call(imports.renameBuilding, { propertyId, ...parts });
    setBusy(false);
    if (!res.ok) {
      setProblem(res.message);
      return toastError(res.message);
    }
    const said = fill(t.renamed, { from: parts.from, to: parts.to, rooms: res.data.moved, residents: res.data.residents });
    setResult(said);
    toastOk(said);
  };

  const field = (name: 'from' | 'to', label: string, placeholder: string) => (
    <LineField
      label={label}
      inputClass={`input-rename-${name}`}
      value={form[name]}
      maxlength={10}
      placeholder={placeholder}
      errorClass={`error-rename-${name}`}
      onChange={(value) => {
        setForm((current) => ({ ...current, [name]: value }));
        setProblem('');
        setResult('');
      }}
    />
  );

  return (
    <View className='card import-rename'>
      <Text className='section-title'>{t.renameTitle}</Text>
      <Text className='muted import-hint'>{t.renameHint}</Text>
      {field('from', t.renameFrom, t.buildingPlaceholder)}
      {field('to', t.renameTo, t.buildingPlaceholder)}
      {problem && <Text className='field-error rename-problem'>{problem}</Text>}
      {result && <Text className='rename-result'>{result}</Text>}
      <PrimaryButton className='btn-rename-building' busy={busy} onClick={rename}>
        {busy ? t.renaming : t.rename}
      </PrimaryButton>
    </View>
  );
}
