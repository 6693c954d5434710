import type { ReactNode } from 'react';
import type { PreferredTime, RepairCategory } from '@shared/model/repair.model';
import { create } from '@shared/contracts/repairs.contract';
import { maxLengthOf } from '@shared/contracts/field-errors';
import CategoryGrid from '../CategoryGrid';
import FieldCard from '../FieldCard';
import LimitedText from '../LimitedText';
import WhenPicker from '../WhenPicker';

const DESCRIPTION_LIMIT = maxLengthOf(create.input, 'description') ?? 0;

export interface RepairFieldsValue {
  category: RepairCategory | null;
  description: string;
  preferredTime: PreferredTime | null;
}

interface Props {
  value: RepairFieldsValue;
  errors: Partial<Record<keyof RepairFieldsValue, string>>;
  text: { category: string; description: string; descriptionPlaceholder: string; when: string };
  /** The description box's own classes (and id), which each form's tests find it by. */
  descriptionClass: string;
  descriptionId?: string;
  /** Cards shown between the description and the time, such as the resident's photos. */
  children?: ReactNode;
  onEdit: (patch: Partial<RepairFieldsValue>) => void;
}

/** What is broken, in a tile and a sentence, and when to come: the same for a resident and the desk. */
export default function RepairFields({ value, errors, text, descriptionClass, descriptionId, children, onEdit }: Props) {
  return (
    <>
      <FieldCard title={text.category} field='category' error={errors.category}>
        <CategoryGrid value={value.category} onChange={(category) => onEdit({ category })} />
      </FieldCard>
      <FieldCard title={text.description} field='description' error={errors.description}>
        <LimitedText
          id={descriptionId}
          className={`textbox ${descriptionClass}`}
          value={value.description}
          limit={DESCRIPTION_LIMIT}
          placeholder={text.descriptionPlaceholder}
          onInput={(description) => onEdit({ description })}
        />
      </FieldCard>
      {children}
      <FieldCard title={text.when} field='preferredTime' error={errors.preferredTime}>
        <WhenPicker value={value.preferredTime} onChange={(preferredTime) => onEdit({ preferredTime })} />
      </FieldCard>
    </>
  );
}
