import { Text, View } from '@tarojs/components';
import { signOff } from '@shared/contracts/repairs.contract';
import { maxLengthOf } from '@shared/contracts/field-errors';
import LimitedText from '../../../components/LimitedText';
import StarRating from '../../../components/StarRating';
import { technicianUi } from '../../../i18n/technician.zh-CN';

export interface RatingDraft {
  quality: number;
  attitude: number;
  comment: string;
}

export const noRating: RatingDraft = { quality: 0, attitude: 0, comment: '' };
const COMMENT_LIMIT = maxLengthOf(signOff.input.shape.rating.def.innerType, 'comment') ?? 0;

/** R7: two rows of big stars (维修质量, 服务态度) and an optional comment. */
/** `onChange` gets only what changed: two quick taps must not undo each other. */
export default function RatingFields({ value, onChange }: { value: RatingDraft; onChange: (patch: Partial<RatingDraft>) => void }) {
  const t = technicianUi.onSite.signOff;
  return (
    <View className='rating-fields'>
      <View className='rating-row'>
        <Text className='rating-label'>{t.quality}</Text>
        <StarRating className='star-quality' value={value.quality} onChange={(quality) => onChange({ quality })} />
      </View>
      <View className='rating-row'>
        <Text className='rating-label'>{t.attitude}</Text>
        <StarRating className='star-attitude' value={value.attitude} onChange={(attitude) => onChange({ attitude })} />
      </View>
      <Text className='muted'>{t.comment}</Text>
      <LimitedText className='reason-input input-comment' value={value.comment} limit={COMMENT_LIMIT} onInput={(comment) => onChange({ comment })} />
    </View>
  );
}
