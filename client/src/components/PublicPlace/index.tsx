import { Text, View } from '@tarojs/components';
import Input from '../TextLine';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { publicAreas } from '@shared/model/complaint.model';
import ChoiceChips from '../ChoiceChips';
import type { PlaceChoice } from '../ComplaintFields/fields';
import { fill } from '../../i18n/ui.zh-CN';
import './index.css';

export interface PublicPlaceText {
  myBuilding: string;
  floorPlaceholder: string;
  floorUnit: string;
}

interface Props {
  /** The building of the resident's room; null offers the public areas only. */
  building: string | null;
  place: PlaceChoice | null;
  floor: string;
  text: PublicPlaceText;
  onEdit: (patch: { publicPlace?: PlaceChoice; floor?: string }) => void;
}

/**
 * Issue 18 (5): where a repair with no room is: the complaint form's place choice (her building or a
 * public area of the property), and for her building, the floor.
 */
export default function PublicPlace({ building, place, floor, text, onEdit }: Props) {
  const places: readonly PlaceChoice[] = building ? ['building', ...publicAreas] : publicAreas;
  const word = (choice: PlaceChoice) => (choice === 'building' ? fill(text.myBuilding, { building: building ?? '' }) : messages.publicAreas[choice]);
  return (
    <View className='public-place'>
      <ChoiceChips options={places} value={place} label={word} name='public-place' onPick={(publicPlace) => onEdit({ publicPlace })} />
      {place === 'building' && (
        <View className='public-floor-row'>
          <Input
            id='public-floor'
            className='public-floor'
            type='number'
            value={floor}
            maxlength={3}
            placeholder={text.floorPlaceholder}
            aria-label={text.floorPlaceholder}
            onInput={(e) => onEdit({ floor: e.detail.value })}
          />
          <Text className='public-floor-unit'>{text.floorUnit}</Text>
        </View>
      )}
    </View>
  );
}
