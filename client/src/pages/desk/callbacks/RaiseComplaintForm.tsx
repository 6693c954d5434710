import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Input from '../../../components/TextLine';
import * as callbacks from '@shared/contracts/callbacks.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { publicAreas, type ComplaintCategory, type ComplaintPlace } from '@shared/model/complaint.model';
import { call } from '../../../api';
import type { CallbackView } from '../../../hooks/useCallbacks';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import ChoiceChips from '../../../components/ChoiceChips';
import CategoryTiles from '../../../components/ComplaintFields/CategoryTiles';
import type { PlaceChoice } from '../../../components/ComplaintFields/fields';
import FieldCard from '../../../components/FieldCard';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { fieldErrorsOf } from '../../../utils/field-errors';
import { toastError, toastOk } from '../../../utils/toast';
import '../../../components/ComplaintFields/index.css';

type Field = keyof typeof ui.callbacks.raiseErrors;

/** "3" of "3栋2单元1502": the resident's building, which a complaint may be about (C3). */
export const buildingOfAddress = (address: string): string | null => /^([^栋\s]{1,10})栋/.exec(address)?.[1] ?? null;

const placeOf = (choice: PlaceChoice, building: string | null): ComplaintPlace | null => {
  if (choice !== 'building') return { scope: 'public_area', area: choice };
  return building ? { scope: 'building', building } : null;
};

interface Props {
  item: CallbackView;
  propertyId: string;
  onRaised: (complaintId: string) => void;
  onClose: () => void;
}

/**
 * B3: what the resident complained of during the callback, taken down as a complaint in one go: the
 * resident and room come from the callback; the desk says what, where, about whom and what is asked.
 */
export default function RaiseComplaintForm({ item, propertyId, onRaised, onClose }: Props) {
  const t = ui.callbacks;
  const words = deskUi.deskComplaintRegister;
  const askConsent = useSubscribeConsent();
  const building = buildingOfAddress(item.address);
  const places: readonly PlaceChoice[] = building ? ['building', ...publicAreas] : publicAreas;
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [place, setPlace] = useState<PlaceChoice | null>(null);
  const [target, setTarget] = useState('');
  const [description, setDescription] = useState('');
  const [request, setRequest] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setErrors({});
  };
  const placeWord = (choice: PlaceChoice) =>
    choice === 'building' ? fill(words.myBuilding, { building: building ?? '' }) : messages.publicAreas[choice];

  const submit = async () => {
    askConsent();
    if (busy) return;
    const chosenPlace = place ? placeOf(place, building) : null;
    if (!category || !chosenPlace) {
      return setErrors({ ...(category ? {} : { category: t.raiseErrors.category }), ...(chosenPlace ? {} : { place: t.raiseErrors.place }) });
    }
    setBusy(true);
    const res = await call(callbacks.raiseComplaint, { propertyId, callbackId: item.id, category, place: chosenPlace, target, description, request });
    setBusy(false);
    if (res.ok) {
      toastOk(t.raised);
      return onRaised(res.data.complaintId);
    }
    const named = fieldErrorsOf(res.fields, t.raiseErrors);
    if (named) return setErrors(named);
    toastError(res.message);
  };

  return (
    <View className='raise-form' id={`raise-form-${item.id}`}>
      <Text className='section-title'>{t.raiseTitle}</Text>
      <Text className='muted raise-hint'>{t.raiseHint}</Text>
      <FieldCard title={words.category} field='category' error={errors.category}>
        <CategoryTiles value={category} onChange={edit(setCategory)} />
      </FieldCard>
      <FieldCard title={words.place} field='place' error={errors.place}>
        <ChoiceChips options={places} value={place} label={placeWord} name='raise-place' onPick={edit(setPlace)} />
      </FieldCard>
      <FieldCard title={words.target} field='target' error={errors.target}>
        <Input
          className='complaint-input input-raise-target'
          type='text'
          value={target}
          maxlength={60}
          placeholder={words.targetPlaceholder}
          onInput={(e) => edit(setTarget)(e.detail.value)}
        />
      </FieldCard>
      <FieldCard title={words.description} field='description' error={errors.description}>
        <Textarea
          className='textbox complaint-text input-raise-description'
          value={description}
          maxlength={1000}
          autoHeight
          placeholder={words.descriptionPlaceholder}
          onInput={(e) => edit(setDescription)(e.detail.value)}
        />
      </FieldCard>
      <FieldCard title={words.request} field='request' error={errors.request}>
        <Textarea
          className='textbox complaint-text input-raise-request'
          value={request}
          maxlength={500}
          autoHeight
          placeholder={words.requestPlaceholder}
          onInput={(e) => edit(setRequest)(e.detail.value)}
        />
      </FieldCard>
      <PrimaryButton className='btn-submit-raise' busy={busy} onClick={submit}>
        {busy ? t.raising : t.raiseSubmit}
      </PrimaryButton>
      <Button className='btn btn-plain btn-close-raise' onClick={onClose}>
        {t.close}
      </Button>
    </View>
  );
}
