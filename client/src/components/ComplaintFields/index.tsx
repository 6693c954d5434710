import type { ReactNode } from 'react';
import Input from '../TextLine';
import { create } from '@shared/contracts/complaints.contract';
import { maxLengthOf } from '@shared/contracts/field-errors';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { publicAreas } from '@shared/model/complaint.model';
import ChoiceChips from '../ChoiceChips';
import FieldCard from '../FieldCard';
import LimitedText from '../LimitedText';
import { fill } from '../../i18n/ui.zh-CN';
import { shanghaiDate } from '../../utils/time';
import CategoryTiles from './CategoryTiles';
import MomentPicker from './MomentPicker';
import type { ComplaintFieldsValue, IntakeField, PlaceChoice } from './fields';
import './index.css';

const limitOf = (field: 'description' | 'request') => maxLengthOf(create.input, field) ?? 0;

export interface ComplaintFieldsText {
  category: string;
  place: string;
  myBuilding: string;
  when: string;
  target: string;
  targetPlaceholder: string;
  description: string;
  descriptionPlaceholder: string;
  request: string;
  requestPlaceholder: string;
  deadline: string;
  noDeadline: string;
}

interface Props {
  value: ComplaintFieldsValue;
  errors: Partial<Record<IntakeField, string>>;
  text: ComplaintFieldsText;
  /** The building of the room the complaint is for; null until a room is known. */
  building: string | null;
  /** Cards shown after the request, such as the resident's photos. */
  children?: ReactNode;
  onEdit: (patch: Partial<ComplaintFieldsValue>) => void;
}

/**
 * C1: what, where and when it happened, whom it is about, what happened and what is asked for, and
 * by when: the same questions whether the resident files it or the desk takes it down.
 */
export default function ComplaintFields({ value, errors, text, building, children, onEdit }: Props) {
  const today = shanghaiDate(new Date());
  const places: readonly PlaceChoice[] = building ? ['building', ...publicAreas] : publicAreas;
  const placeWord = (choice: PlaceChoice) => (choice === 'building' ? fill(text.myBuilding, { building: building ?? '' }) : messages.publicAreas[choice]);
  return (
    <>
      <FieldCard title={text.category} field='category' error={errors.category}>
        <CategoryTiles value={value.category} onChange={(category) => onEdit({ category })} />
      </FieldCard>
      <FieldCard title={text.place} field='place' error={errors.place}>
        <ChoiceChips options={places} value={value.place} label={placeWord} name='place' onPick={(place) => onEdit({ place })} />
      </FieldCard>
      <FieldCard title={text.when} field='occurredAt' error={errors.occurredAt}>
        <MomentPicker
          name='occurred'
          date={value.occurredDate}
          time={value.occurredTime}
          end={today}
          onDate={(occurredDate) => onEdit({ occurredDate })}
          onTime={(occurredTime) => onEdit({ occurredTime })}
        />
      </FieldCard>
      <FieldCard title={text.target} field='target' error={errors.target}>
        <Input
          className='complaint-input input-target'
          type='text'
          value={value.target}
          maxlength={60}
          placeholder={text.targetPlaceholder}
          onInput={(e) => onEdit({ target: e.detail.value })}
        />
      </FieldCard>
      <FieldCard title={text.description} field='description' error={errors.description}>
        <LimitedText
          className='textbox complaint-text input-complaint-description'
          value={value.description}
          limit={limitOf('description')}
          placeholder={text.descriptionPlaceholder}
          onInput={(description) => onEdit({ description })}
        />
      </FieldCard>
      <FieldCard title={text.request} field='request' error={errors.request}>
        <LimitedText
          className='textbox complaint-text input-complaint-request'
          value={value.request}
          limit={limitOf('request')}
          placeholder={text.requestPlaceholder}
          onInput={(request) => onEdit({ request })}
        />
      </FieldCard>
      {children}
      <FieldCard title={text.deadline} field='residentDeadline' error={errors.residentDeadline}>
        <MomentPicker
          name='deadline'
          date={value.deadlineDate}
          time={value.deadlineTime}
          start={today}
          none={{ label: text.noDeadline, onPick: () => onEdit({ deadlineDate: null }) }}
          onDate={(deadlineDate) => onEdit({ deadlineDate })}
          onTime={(deadlineTime) => onEdit({ deadlineTime })}
        />
      </FieldCard>
    </>
  );
}
