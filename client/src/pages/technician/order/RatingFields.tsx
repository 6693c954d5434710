import { Text, Textarea, View } from '@tarojs/components';
import StarRating from '../../../components/StarRating';
import { ui } from '../../../i18n/ui.zh-CN';

export interface RatingDraft {
  quality: number;
  attitude: number;
  comment: string;
}

export const noRating: RatingDraft = { quality: 0, attitude: 0, comment: '' };

/** R7: two rows of big stars (维修质量, 服务态度) and an optional comment. */
/** `onChange` gets only what changed: two quick taps must not undo each other. */
export default function RatingFields({ value, onChange }: { value: RatingDraft; onChange: (patch: Partial<RatingDraft>) => void }) {
  const t = ui.onSite.signOff;
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
      <Textarea
        className='reason-input input-comment'
        value={value.comment}
        maxlength={300}
        autoHeight
        onInput={(e) => onChange({ comment: e.detail.value })}
      />
    </View>
  );
}
