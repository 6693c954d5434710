import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ui } from '../../../i18n/ui.zh-CN';
import { toastError } from '../../../utils/toast';
import RatingFields, { noRating, type RatingDraft } from './RatingFields';

/** R7: signed without stars; the resident can still rate here, on the technician's phone. */
export default function RatePanel({ onRate }: { onRate: (rating: RatingDraft) => void }) {
  const t = ui.onSite.rate;
  const [rating, setRating] = useState<RatingDraft>(noRating);
  const rated = rating.quality > 0 && rating.attitude > 0;
  return (
    <View className='card resident-screen rate-screen'>
      <Text className='title'>{t.title}</Text>
      <RatingFields value={rating} onChange={(patch) => setRating((r) => ({ ...r, ...patch }))} />
      <Button
        className={`btn btn-primary btn-rate${rated ? '' : ' btn-disabled'}`}
        onClick={() => (rated ? onRate({ ...rating, comment: rating.comment.trim() }) : toastError(t.needBoth))}
      >
        {t.submit}
      </Button>
    </View>
  );
}
