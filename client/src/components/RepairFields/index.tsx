import type { ReactNode } from 'react';
import { Textarea } from '@tarojs/components';
import type { PreferredTime, RepairCategory } from '@shared/model/repair.model';
import CategoryGrid from '../CategoryGrid';
import FieldCard from '../FieldCard';
import WhenPicker from '../WhenPicker';

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
        <Textarea
          id={descriptionId}
          className={`textbox ${descriptionClass}`}
          value={value.description}
          placeholder={text.descriptionPlaceholder}
          maxlength={500}
          autoHeight
          onInput={(e) => onEdit({ description: e.detail.value })}
        />
      </FieldCard>
      {children}
      <FieldCard title={text.when} field='preferredTime' error={errors.preferredTime}>
        <WhenPicker value={value.preferredTime} onChange={(preferredTime) => onEdit({ preferredTime })} />
      </FieldCard>
    </>
  );
}
