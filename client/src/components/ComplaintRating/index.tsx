import { Text, View } from '@tarojs/components';
import { fill, ui } from '../../i18n/ui.zh-CN';
import './index.css';

const MAX = 5;

/** A rating already given: "★★★★☆", the number in words, and the comment. */
export default function ComplaintRating({ title, rating }: { title: string; rating: { score: number; comment: string } }) {
  return (
    <View className='card complaint-rating' data-value={rating.score}>
      <Text className='section-title'>{title}</Text>
      <Text className='complaint-rating-stars'>{'★'.repeat(rating.score) + '☆'.repeat(Math.max(0, MAX - rating.score))}</Text>
      <Text className='muted complaint-rating-number'>{` ${fill(ui.rating.stars, { n: rating.score })}`}</Text>
      {rating.comment && <Text className='complaint-rating-comment'>{rating.comment}</Text>}
    </View>
  );
}
