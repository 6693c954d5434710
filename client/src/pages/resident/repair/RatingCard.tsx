import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { RATE_WITHIN_MS } from '@shared/domain/repair.machine';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { formatWhen } from '../../../utils/time';
import RateRepair from './RateRepair';

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  memberId: string;
  onDone: () => void;
}

/**
 * R7, issue 18 (3): once the order is rated (on the technician's phone or hers) the page thanks
 * her and stops asking; until 7 days after the sign-off she can still change it from here.
 */
export default function RatingCard({ repair, propertyId, memberId, onDone }: Props) {
  const [changing, setChanging] = useState(false);
  const t = ui.rating;
  if (!repair.rating || changing) {
    return <RateRepair repair={repair} propertyId={propertyId} memberId={memberId} onDone={onDone} onCancel={repair.rating ? () => setChanging(false) : undefined} />;
  }
  const until = repair.signOff ? new Date(new Date(repair.signOff.at).getTime() + RATE_WITHIN_MS).toISOString() : null;
  return (
    <View className='card rated-thanks'>
      <Text className='section-title rated-thanks-title'>{t.thanks}</Text>
      <Text className='rated-thanks-body'>{t.thanksBody}</Text>
      {until && <Text className='muted rated-change-until'>{fill(t.changeUntil, { until: formatWhen(until) })}</Text>}
      <Button className='btn btn-plain btn-change-rating' onClick={() => setChanging(true)}>
        {t.change}
      </Button>
    </View>
  );
}
