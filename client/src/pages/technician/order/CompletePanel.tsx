import { useCallback } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Input from '../../../components/TextLine';
import { acceptedTotalFen, yuan } from '@shared/domain/quote.rules';
import type { RepairView, StepInput } from '../../../offline/commands';
import { localFile } from '../../../offline/local-files';
import { useDraft } from '../../../hooks/useDraft';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import { fill } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError } from '../../../utils/toast';
import { CompleteDraft, completeDraftKey, emptyCompleteDraft } from './complete-draft';
import PhotoShots from './PhotoShots';

interface Props {
  view: RepairView;
  onComplete: (input: StepInput<'complete'>) => void;
}

/**
 * R7: before and after photos and the materials used, if any. The amount is the quote the resident
 * accepted (R6), shown and not typed; extra work goes back to a revised quote first.
 */
export default function CompletePanel({ view, onComplete }: Props) {
  const askConsent = useSubscribeConsent();
  const t = technicianUi.onSite.complete;
  const initial = useCallback(emptyCompleteDraft, []);
  const { draft, update, clear } = useDraft(completeDraftKey(view.id), CompleteDraft, initial);
  const amountFen = acceptedTotalFen(view) ?? 0;
  const materials = draft.materials.filter((m) => m.name.trim()).map((m) => ({ name: m.name.trim().slice(0, 40), qty: m.qty }));
  const ready = draft.before.length > 0 && draft.after.length > 0;

  const setMaterial = (i: number, patch: Partial<CompleteDraft['materials'][number]>) =>
    update({ materials: draft.materials.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  const submit = () => {
    askConsent();
    if (draft.before.length === 0 || draft.after.length === 0) return toastError(t.needPhotos);
    onComplete({ beforePhotos: draft.before.map(localFile), afterPhotos: draft.after.map(localFile), materials });
    clear();
  };

  return (
    <View className='card complete-panel'>
      <Text className='title'>{t.title}</Text>
      <PhotoShots className='before' title={t.before} refs={draft.before} onChange={(before) => update({ before })} />
      <PhotoShots className='after' title={t.after} refs={draft.after} onChange={(after) => update({ after })} />

      <Text className='section-title'>{t.materials}</Text>
      {draft.materials.map((m, i) => (
        <View key={i} className='material-row'>
          <Input className='text-input input-material-name' value={m.name} placeholder={t.materialName} maxlength={40} onInput={(e) => setMaterial(i, { name: e.detail.value })} />
          <View className='qty-stepper'>
            <View className='btn-qty btn-qty-minus' onClick={() => setMaterial(i, { qty: Math.max(1, m.qty - 1) })}>
              {technicianUi.onSite.quote.minus}
            </View>
            <Text className='fee-qty'>{m.qty}</Text>
            <View className='btn-qty btn-qty-plus' onClick={() => setMaterial(i, { qty: Math.min(99, m.qty + 1) })}>
              {technicianUi.onSite.quote.plus}
            </View>
          </View>
          <Text className='photo-remove' onClick={() => update({ materials: draft.materials.filter((_, j) => j !== i) })}>
            {t.removeMaterial}
          </Text>
        </View>
      ))}
      {draft.materials.length < 20 && (
        <Button className='btn btn-plain btn-add-material' onClick={() => update({ materials: [...draft.materials, { name: '', qty: 1 }] })}>
          {t.addMaterial}
        </Button>
      )}

      <Text className='section-title'>{t.amount}</Text>
      <Text className='quote-total complete-amount'>{fill(t.amountValue, { amount: yuan(amountFen) })}</Text>
      <Text className='muted'>{t.amountHint}</Text>
      <Button className={`btn btn-primary btn-complete${ready ? '' : ' btn-disabled'}`} onClick={submit}>
        {t.submit}
      </Button>
    </View>
  );
}
