import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { keyKinds, type KeyKind, type KeySet } from '@shared/model/key.model';
import { useKeyWrite, type KeyView } from '../../../hooks/useKeys';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { parseYuan } from '../../../utils/money';
import { toastError, toastOk } from '../../../utils/toast';

type Field = 'opens' | 'label' | 'deposit';

/** K1: a key added one by one: its kind, what it opens, its cabinet label, working or spare, and the deposit an outsider pays. */
export default function AddKeyForm({ propertyId, kind, onAdded }: { propertyId: string; kind: KeyKind; onAdded: (key: KeyView) => void }) {
  const t = keysUi.add;
  const [chosen, setChosen] = useState<KeyKind>(kind);
  const [set, setSet] = useState<KeySet>('working');
  const [opens, setOpens] = useState('');
  const [label, setLabel] = useState('');
  const [deposit, setDeposit] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { busy, send } = useKeyWrite(keys.add);

  const submit = async () => {
    const depositFen = parseYuan(deposit);
    const wrong: Partial<Record<Field, string>> = {};
    if (!opens.trim()) wrong.opens = fill(t.required, { label: t.opens });
    if (!label.trim()) wrong.label = fill(t.required, { label: t.label });
    if (depositFen === null) wrong.deposit = t.badDeposit;
    setErrors(wrong);
    if (Object.keys(wrong).length || depositFen === null || busy) return;
    const res = await send({ propertyId, kind: chosen, opens: opens.trim(), label: label.trim(), set, depositFen });
    if (!res.ok) return toastError(res.message);
    toastOk(t.added);
    setOpens('');
    setLabel('');
    onAdded(res.data);
  };

  return (
    <View className='card key-add-form'>
      <Text className='section-title'>{t.title}</Text>
      <Text className='line-label'>{t.kind}</Text>
      <ChoiceChips name='add-kind' options={keyKinds} value={chosen} label={(k) => keysUi.kinds[k]} onPick={setChosen} />
      <LineField label={t.opens} inputClass='input-key-opens' value={opens} maxlength={40} placeholder={t.opensPlaceholder} error={errors.opens} errorClass='error-opens' onChange={setOpens} />
      <LineField label={t.label} inputClass='input-key-label' value={label} maxlength={40} placeholder={t.labelPlaceholder} error={errors.label} errorClass='error-label' onChange={setLabel} />
      <Text className='line-label'>{t.set}</Text>
      <ChoiceChips name='add-set' options={['working', 'spare'] as const} value={set} label={(s) => keysUi.sets[s]} onPick={setSet} />
      <LineField label={t.deposit} inputClass='input-key-deposit' type='digit' value={deposit} maxlength={10} placeholder={t.depositPlaceholder} error={errors.deposit} errorClass='error-deposit' onChange={setDeposit} />
      <PrimaryButton className='btn-add-key' busy={busy} onClick={submit}>
        {t.submit}
      </PrimaryButton>
    </View>
  );
}
