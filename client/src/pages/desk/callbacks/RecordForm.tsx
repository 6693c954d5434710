import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as callbacks from '@shared/contracts/callbacks.contract';
import { isSignature } from '@shared/domain/signature.rules';
import { call } from '../../../api';
import type { CallbackMethod, CallbackView } from '../../../hooks/useCallbacks';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { uploadSignature } from '../../../components/SignaturePad/upload';
import { ui } from '../../../i18n/ui.zh-CN';
import { toastError } from '../../../utils/toast';

/** The server says the list on screen is behind: someone else recorded it, or it changed. */
const STALE = new Set(['COMMON.VERSION_CONFLICT', 'CALLBACK.ALREADY_DONE']);

type Problem = 'reached' | 'satisfied' | 'signature' | 'upload';

interface Props {
  item: CallbackView;
  propertyId: string;
  uploadPrefix: string;
  onRecorded: (item: CallbackView) => void;
  /** The list was behind; `message` is the server's own sentence. What was typed stays. */
  onStale: (message: string) => void;
  onClose: () => void;
}

interface ChoiceProps<T extends string> {
  value: T;
  label: string;
  chosen: boolean;
  className: string;
  onPick: (value: T) => void;
}

function Choice<T extends string>({ value, label, chosen, className, onPick }: ChoiceProps<T>) {
  return (
    <View className={`chip callback-choice ${className}${chosen ? ' chip-on' : ''}`} onClick={() => onPick(value)}>
      <Text>{label}</Text>
    </View>
  );
}

/**
 * R10 B2: what came of the call: reached or not, satisfied or not (only asked when reached), by phone
 * or at home, and what the resident said. A home visit's record carries the resident's signature,
 * drawn on this phone. Sent with the version of the row on screen.
 */
export default function RecordForm({ item, propertyId, uploadPrefix, onRecorded, onStale, onClose }: Props) {
  const askConsent = useSubscribeConsent();
  const t = ui.callbacks;
  const [reached, setReached] = useState<'yes' | 'no' | null>(null);
  const [satisfied, setSatisfied] = useState<'yes' | 'no' | null>(null);
  const [method, setMethod] = useState<CallbackMethod>('phone');
  const [notes, setNotes] = useState('');
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  /** The signature already uploaded as drawn, so sending again after a conflict does not upload it twice. */
  const uploaded = useRef<{ signature: SignatureValue; fileId: string } | null>(null);
  const problems: Record<Problem, string> = {
    reached: t.needReached,
    satisfied: t.needSatisfied,
    signature: t.needSignature,
    upload: t.signatureFailed,
  };

  /** B2: the file id of the resident's signature; null (with the problem said) when there is none. */
  const signedFile = async (): Promise<string | null> => {
    if (!signature || !isSignature(signature.strokes)) {
      setProblem('signature');
      return null;
    }
    if (uploaded.current?.signature === signature) return uploaded.current.fileId;
    const fileId = await uploadSignature(signature, uploadPrefix);
    if (!fileId) {
      setProblem('upload');
      return null;
    }
    uploaded.current = { signature, fileId };
    return fileId;
  };

  const submit = async () => {
    askConsent();
    if (busy) return;
    if (!reached) return setProblem('reached');
    if (reached === 'yes' && !satisfied) return setProblem('satisfied');
    setBusy(true);
    // B2: the resident signs the record of a visit that met them; nobody home, nothing to sign.
    const needsSignature = method === 'home_visit' && reached === 'yes';
    const signatureFile = needsSignature ? await signedFile() : null;
    if (needsSignature && !signatureFile) return setBusy(false);
    const res = await call(callbacks.record, {
      propertyId,
      callbackId: item.id,
      version: item.version,
      reached: reached === 'yes',
      satisfied: reached === 'yes' ? satisfied === 'yes' : null,
      notes: notes.trim(),
      method,
      ...(signatureFile ? { signature: signatureFile } : {}),
    });
    setBusy(false);
    if (res.ok) return onRecorded(item);
    if (STALE.has(res.code)) return onStale(res.message);
    toastError(res.message);
  };

  const pickReached = (value: 'yes' | 'no') => {
    setReached(value);
    setProblem(null);
  };
  const pickSatisfied = (value: 'yes' | 'no') => {
    setSatisfied(value);
    setProblem(null);
  };
  const pickMethod = (value: CallbackMethod) => {
    setMethod(value);
    setProblem(null);
  };
  const pickSignature = (value: SignatureValue) => {
    setSignature(value);
    setProblem(null);
  };

  return (
    <View className='callback-form' id={`callback-form-${item.id}`}>
      <Text className='callback-label'>{t.reached}</Text>
      <View className='chips'>
        <Choice value='yes' label={t.reachedYes} chosen={reached === 'yes'} className='reached-yes' onPick={pickReached} />
        <Choice value='no' label={t.reachedNo} chosen={reached === 'no'} className='reached-no' onPick={pickReached} />
      </View>
      {reached === 'yes' && (
        <>
          <Text className='callback-label'>{t.satisfied}</Text>
          <View className='chips'>
            <Choice value='yes' label={t.satisfiedYes} chosen={satisfied === 'yes'} className='satisfied-yes' onPick={pickSatisfied} />
            <Choice value='no' label={t.satisfiedNo} chosen={satisfied === 'no'} className='satisfied-no' onPick={pickSatisfied} />
          </View>
        </>
      )}
      <Text className='callback-label'>{t.method}</Text>
      <View className='chips'>
        {(['phone', 'home_visit'] as const).map((m) => (
          <Choice key={m} value={m} label={t.methods[m]} chosen={method === m} className={`method-${m}`} onPick={pickMethod} />
        ))}
      </View>
      {method === 'home_visit' && reached === 'yes' && (
        <>
          <Text className='callback-label'>{t.signature}</Text>
          <SignaturePad className='signature-callback' onChange={pickSignature} />
        </>
      )}
      <ReasonField
        label={t.notes}
        labelClass='callback-label'
        inputClass='callback-notes input-callback-notes'
        value={notes}
        placeholder={t.notesPlaceholder}
        onChange={setNotes}
      />
      {problem && (
        <Text className={`field-error callback-problem problem-${problem}`}>{problems[problem]}</Text>
      )}
      <PrimaryButton className='btn-submit-callback' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.submit}
      </PrimaryButton>
      <Button className='btn btn-plain btn-close-record' onClick={onClose}>
        {t.close}
      </Button>
    </View>
  );
}
