import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { maskIdNumber } from '@shared/domain/key.rules';
import { yuan } from '@shared/domain/quote.rules';
import { isSignature } from '@shared/domain/signature.rules';
import { useKeyStaff, useKeyWrite, type KeyView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { uploadSignature } from '../../../components/SignaturePad/upload';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { formatDay, nextDays, parseClock, shanghaiInstant } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

type Problem = keyof typeof keysUi.lend.problems;
type Who = 'contractor' | 'resident' | 'staff';

interface Props {
  keyItem: KeyView;
  context: SessionContext;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * K2: a key lent at the desk. Someone from outside: who (ID typed here, only its masked form
 * sent, PIPL), the deposit the register sets (receipt and how it was paid) and their signature drawn
 * on the desk's screen; a colleague signs on their own phone instead. Why, and when it comes back.
 */
export default function LendForm({ keyItem, context, onDone, onCancel }: Props) {
  const t = keysUi.lend;
  const [days] = useState(() => nextDays(3));
  const [who, setWho] = useState<Who>('contractor');
  const [name, setName] = useState('');
  const [memberId, setMemberId] = useState<string | null>(null);
  const team = useKeyStaff().data?.items ?? [];
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [purpose, setPurpose] = useState('');
  const [dueDay, setDueDay] = useState(days[0] ?? '');
  const [dueTime, setDueTime] = useState('');
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [receipt, setReceipt] = useState('');
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Problem, string>>>({});
  const uploaded = useRef<{ signature: SignatureValue; fileId: string } | null>(null);
  const { busy, send } = useKeyWrite(keys.lend);
  const masked = maskIdNumber(idNumber);
  const outsider = who !== 'staff';
  const needsDeposit = outsider && keyItem.depositFen > 0;

  const signedFile = async (drawn: SignatureValue): Promise<string | null> => {
    if (uploaded.current?.signature === drawn) return uploaded.current.fileId;
    const fileId = await uploadSignature(drawn, context.uploadPrefix);
    if (fileId) uploaded.current = { signature: drawn, fileId };
    return fileId;
  };

  const submit = async () => {
    if (busy) return;
    const time = parseClock(dueTime);
    const wrong: Partial<Record<Problem, string>> = {};
    if (outsider && !name.trim()) wrong.name = t.problems.name;
    if (outsider && !masked) wrong.idNumber = t.problems.idNumber;
    if (!outsider && !memberId) wrong.staff = t.problems.staff;
    if (!purpose.trim()) wrong.purpose = t.problems.purpose;
    if (!time) wrong.dueTime = t.problems.dueTime;
    if (needsDeposit && !receipt.trim()) wrong.receipt = t.problems.receipt;
    if (outsider && (!signature || !isSignature(signature.strokes))) wrong.signature = t.problems.signature;
    setProblems(wrong);
    if (Object.keys(wrong).length || !time) return;
    const fileId = outsider && signature ? await signedFile(signature) : null;
    if (outsider && !fileId) return setProblems({ upload: t.problems.upload });
    const res = await send({
      propertyId: context.property.propertyId,
      keyId: keyItem.id,
      borrower: who === 'staff' ? { type: 'staff', memberId: memberId ?? '' } : { type: who, name: name.trim(), phone: phone.trim(), idMasked: masked },
      purpose: purpose.trim(),
      dueBackAt: shanghaiInstant(dueDay, time),
      signature: fileId,
      deposit: needsDeposit ? { method, receiptNo: receipt.trim() } : null,
    });
    if (!res.ok) return toastError(res.message);
    toastOk(t.lent);
    onDone();
  };

  return (
    <View className='card key-lend-form'>
      <Text className='section-title'>{fill(t.title, { label: `${keyItem.label}（${keyItem.opens}）` })}</Text>
      <Text className='line-label'>{t.who}</Text>
      <ChoiceChips name='lend-who' options={['contractor', 'resident', 'staff'] as const} value={who} label={(w) => t.types[w]} onPick={setWho} />
      {outsider ? (
        <>
          <LineField label={t.name} inputClass='input-lend-name' value={name} maxlength={40} placeholder='' error={problems.name} errorClass='error-name' onChange={setName} />
          <LineField label={t.phone} inputClass='input-lend-phone' type='number' value={phone} maxlength={20} placeholder='' errorClass='error-phone' onChange={setPhone} />
          <LineField label={t.idNumber} inputClass='input-lend-id' value={idNumber} maxlength={24} placeholder='' error={problems.idNumber} errorClass='error-id' onChange={setIdNumber} />
          {masked && <Text className='muted lend-id-masked'>{fill(t.idHint, { masked })}</Text>}
        </>
      ) : (
        <>
          <Text className='line-label'>{t.staffPick}</Text>
          <ChoiceChips name='lend-staff' options={team.map((m) => m.memberId)} value={memberId} label={(id) => team.find((m) => m.memberId === id)?.name ?? ''} onPick={setMemberId} />
          {problems.staff && <Text className='field-error error-staff'>{problems.staff}</Text>}
          <Text className='muted lend-staff-hint'>{t.staffHint}</Text>
        </>
      )}
      <LineField label={t.purpose} inputClass='input-lend-purpose' value={purpose} maxlength={200} placeholder='' error={problems.purpose} errorClass='error-purpose' onChange={setPurpose} />
      <Text className='line-label'>{t.dueDay}</Text>
      <ChoiceChips name='lend-day' options={days} value={dueDay} label={(d) => formatDay(d)} onPick={setDueDay} />
      <LineField label={t.dueTime} inputClass='input-lend-time' value={dueTime} maxlength={5} placeholder={t.dueTimePlaceholder} error={problems.dueTime} errorClass='error-time' onChange={setDueTime} />
      {needsDeposit && (
        <View className='lend-deposit'>
          <Text className='section-title lend-deposit-amount'>{fill(t.deposit, { amount: yuan(keyItem.depositFen) })}</Text>
          <Text className='line-label'>{t.method}</Text>
          <ChoiceChips name='lend-method' options={['cash', 'transfer'] as const} value={method} label={(m) => t.methods[m]} onPick={setMethod} />
          <LineField label={t.receipt} inputClass='input-lend-receipt' value={receipt} maxlength={40} placeholder='' error={problems.receipt} errorClass='error-receipt' onChange={setReceipt} />
        </View>
      )}
      {outsider && (
        <>
          <Text className='line-label'>{t.signature}</Text>
          <SignaturePad className='lend-signature' onChange={setSignature} />
        </>
      )}
      {(problems.signature ?? problems.upload) && <Text className='field-error error-signature'>{problems.signature ?? problems.upload}</Text>}
      <PrimaryButton className='btn-lend-submit' busy={busy} onClick={submit}>
        {t.submit}
      </PrimaryButton>
      <Button className='btn btn-plain btn-lend-cancel' onClick={onCancel}>
        {t.cancel}
      </Button>
    </View>
  );
}
