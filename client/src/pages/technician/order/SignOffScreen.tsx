import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { yuan } from '@shared/domain/quote.rules';
import { isSignature } from '@shared/domain/signature.rules';
import type { RepairView, StepInput } from '../../../offline/commands';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import PrimaryButton from '../../../components/PrimaryButton';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError } from '../../../utils/toast';
import { keepSignature } from './signature';
import RatingFields, { noRating, type RatingDraft } from './RatingFields';

interface Props {
  view: RepairView;
  onSignOff: (input: StepInput<'signOff'>) => void;
}

/**
 * R7, the phone in the resident's hands again: the amount, their signature, and the two ratings. A public
 * place's repair nobody reported is signed off by the staff member who checks it, and nobody rates it.
 */
export default function SignOffScreen({ view, onSignOff }: Props) {
  const askConsent = useSubscribeConsent();
  const t = technicianUi.onSite.signOff;
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [rating, setRating] = useState<RatingDraft>(noRating);
  const [saving, setSaving] = useState(false);
  const signed = signature !== null && isSignature(signature.strokes);
  const rated = rating.quality > 0 && rating.attitude > 0;
  const ratingOk = rated || (rating.quality === 0 && rating.attitude === 0);

  const submit = async () => {
    askConsent();
    if (!signature || !signed) return toastError(ui.signature.tooShort);
    if (!ratingOk) return toastError(t.needBoth);
    if (saving) return;
    setSaving(true);
    const file = await keepSignature(signature);
    setSaving(false);
    if (!file) return toastError(ui.signature.failed);
    onSignOff({
      signature: file,
      ...(rated ? { rating: { quality: rating.quality, attitude: rating.attitude, comment: rating.comment.trim() } } : {}),
    });
  };

  return (
    <View className='card resident-screen sign-off-screen'>
      <Text className='title'>{view.noReporter ? t.staffTitle : t.title}</Text>
      <Text className='resident-hint'>{view.noReporter ? t.staffHint : t.hint}</Text>
      {view.completion && <Text className='quote-total sign-off-amount'>{fill(t.amount, { amount: yuan(view.completion.amountFen) })}</Text>}
      <SignaturePad className='signature-sign-off' onChange={setSignature} />
      {!view.noReporter && <RatingFields value={rating} onChange={(patch) => setRating((r) => ({ ...r, ...patch }))} />}
      <PrimaryButton className='btn-sign-off' disabled={!(signed && ratingOk)} busy={saving} onClick={submit}>
        {saving ? ui.signature.saving : t.submit}
      </PrimaryButton>
    </View>
  );
}
