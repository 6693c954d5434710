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
type Part = 'building' | 'unit' | 'room';
const PARTS: readonly Part[] = ['building', 'unit', 'room'];

/** Issue 7 (2), a small edit: one room the spreadsheet missed, visible at once; one that exists is left as it is. */
export default function AddRoomForm({ propertyId }: { propertyId: string }) {
  const t = supervisorUi.roomImport;
  const [form, setForm] = useState<Record<Part, string>>({ building: '', unit: '', room: '' });
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (busy) return;
    const parts = { building: form.building.trim(), unit: form.unit.trim(), room: form.room.trim() };
    if (!PARTS.every((p) => PART.test(parts[p]))) return setProblem(t.needParts);
    setBusy(true);
    const res = await call(imports.addRoom, { propertyId, ...parts });
    setBusy(false);
    if (!res.ok) {
      setProblem(res.message);
      return toastError(res.message);
    }
    const said = fill(res.data.added ? t.added : t.existed, { label: res.data.label });
    setResult(said);
    toastOk(said);
    setForm((current) => ({ ...current, room: '' }));
  };

  return (
    <View className='card import-add-room'>
      <Text className='section-title'>{t.addTitle}</Text>
      <Text className='muted import-hint'>{t.addHint}</Text>
      {PARTS.map((part) => (
        <LineField
          key={part}
          label={t[part]}
          inputClass={`input-add-${part}`}
          value={form[part]}
          maxlength={10}
          placeholder={t[`${part}Placeholder`]}
          errorClass={`error-add-${part}`}
          onChange={(value) => {
            setForm((current) => ({ ...current, [part]: value }));
            setProblem('');
            setResult('');
          }}
        />
      ))}
      {problem && <Text className='field-error add-room-problem'>{problem}</Text>}
      {result && <Text className='add-room-result'>{result}</Text>}
      <PrimaryButton className='btn-add-room' busy={busy} onClick={add}>
        {busy ? t.adding : t.add}
      </PrimaryButton>
    </View>
  );
}
