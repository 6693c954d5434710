import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { yuan } from '@shared/domain/quote.rules';
import { isSignature } from '@shared/domain/signature.rules';
import type { RepairView } from '../../../offline/commands';
import PrimaryButton from '../../../components/PrimaryButton';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError } from '../../../utils/toast';
import { keepSignature } from './signature';

interface Props {
  view: RepairView;
  /** The uploaded signature; none for a repair nobody reported. */
  onAccept: (signature?: string) => void;
  onRequote: () => void;
}

/**
 * R6, the phone in the resident's hands: the quote, line by line, and their signature. 同意 stays
 * greyed until the signature carries enough ink to be one. A public place's repair nobody reported is
 * the property's cost: the technician confirms the quote with no signature (as SignOffScreen, no stars).
 */
export default function AcceptScreen({ view, onAccept, onRequote }: Props) {
  const t = technicianUi.onSite.accept;
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [saving, setSaving] = useState(false);
  const signed = view.noReporter || (signature !== null && isSignature(signature.strokes));
  const total = view.quote?.totalFen ?? 0;

  const agree = async () => {
    if (view.noReporter) return onAccept();
    if (!signature || !signed) return toastError(ui.signature.tooShort);
    if (saving) return;
    setSaving(true);
    const file = await keepSignature(signature);
    setSaving(false);
    if (!file) return toastError(ui.signature.failed);
    onAccept(file);
  };

  return (
    <View className='card resident-screen accept-screen'>
      <Text className='title'>{view.noReporter ? t.staffTitle : t.title}</Text>
      <Text className='resident-hint'>{view.noReporter ? t.staffHint : t.hint}</Text>
      <View className='quote-lines'>
        {(view.quote?.lines ?? []).map((line) => (
          <View key={line.code} className={`quote-line quote-line-${line.code}`}>
            <Text>{fill(t.line, { name: line.name, qty: line.qty })}</Text>
            <Text>{fill(technicianUi.onSite.quote.price, { amount: yuan(line.priceFen * line.qty) })}</Text>
          </View>
        ))}
      </View>
      <Text className='quote-total'>{total > 0 ? fill(t.total, { amount: yuan(total) }) : t.free}</Text>
      {!view.noReporter && <SignaturePad className='signature-accept' onChange={setSignature} />}
      <PrimaryButton className='btn-accept-quote' disabled={!signed} busy={saving} onClick={agree}>
        {saving ? ui.signature.saving : t.agree}
      </PrimaryButton>
      <Button className='btn btn-plain btn-requote' onClick={onRequote}>
        {technicianUi.onSite.quote.requote}
      </Button>
    </View>
  );
}
