import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { fill, ui } from '../../i18n/ui.zh-CN';
import './index.css';

type Rating = NonNullable<RepairView['rating']>;

const MAX = 5;

/** "★★★★☆", with the number in words for screen readers and large-text mode. */
const Stars = ({ label, value, className }: { label: string; value: number; className: string }) => (
  <View className={`rating-row ${className}`} data-value={value}>
    <Text className='rating-label'>{label}</Text>
    <Text className='rating-stars' aria-label={fill(ui.rating.stars, { n: value })}>
      {'★'.repeat(value) + '☆'.repeat(Math.max(0, MAX - value))}
    </Text>
    <Text className='muted rating-number'>{fill(ui.rating.stars, { n: value })}</Text>
  </View>
);

/** R7: a rating already given: both stars and the comment. */
export default function RatingView({ rating }: { rating: Pick<Rating, 'quality' | 'attitude' | 'comment'> }) {
  return (
    <View className='rating-view'>
      <Stars label={ui.rating.quality} value={rating.quality} className='rating-quality' />
      <Stars label={ui.rating.attitude} value={rating.attitude} className='rating-attitude' />
      {rating.comment && <Text className='rating-comment'>{rating.comment}</Text>}
    </View>
  );
}
