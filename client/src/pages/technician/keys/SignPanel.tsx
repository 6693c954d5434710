import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { isSignature } from '@shared/domain/signature.rules';
import type { CallResult } from '../../../api';
import PrimaryButton from '../../../components/PrimaryButton';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { uploadSignature } from '../../../components/SignaturePad/upload';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';

interface Props {
  uploadPrefix: string;
  hint: string;
  button: string;
  done: string;
  busy: boolean;
  /** Sends the uploaded signature's file id. */
  send: (signature: string) => Promise<CallResult<unknown>>;
  onSigned: () => void;
}

/** K2: a key signed for on the member's own phone, the signature drawn here and uploaded once. */
export default function SignPanel({ uploadPrefix, hint, button, done, busy, send, onSigned }: Props) {
  const t = keysUi.mine;
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const uploaded = useRef<{ signature: SignatureValue; fileId: string } | null>(null);

  const submit = async () => {
    if (busy) return;
    if (!signature || !isSignature(signature.strokes)) return setProblem(t.needSignature);
    const fileId = uploaded.current?.signature === signature ? uploaded.current.fileId : await uploadSignature(signature, uploadPrefix);
    if (!fileId) return setProblem(t.uploadFailed);
    uploaded.current = { signature, fileId };
    const res = await send(fileId);
    if (!res.ok) return toastError(res.message);
    toastOk(done);
    onSigned();
  };

  return (
    <View className='key-sign-panel'>
      <Text className='line-label'>{hint}</Text>
      <SignaturePad className='key-sign-pad' onChange={setSignature} />
      {problem && <Text className='field-error error-key-sign'>{problem}</Text>}
      <PrimaryButton className='btn-key-sign' busy={busy} onClick={submit}>
        {button}
      </PrimaryButton>
    </View>
  );
}
