import { Text, View } from '@tarojs/components';
import { useScorecards, type Scorecard } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import { useFocusableScroller } from '../../../keyboard/focusable-scroller';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { onTimeText, scoreText } from './format';
import '../../../theme/controls.css';
import './index.css';

const Figure = ({ label, value, className }: { label: string; value: string; className: string }) => (
  <View className={`scorecard-figure ${className}`}>
    <Text className='scorecard-label'>{label}</Text>
    <Text className='scorecard-value'>{value}</Text>
  </View>
);

function ScorecardRow({ card }: { card: Scorecard }) {
  const t = supervisorUi.supervisor;
  return (
    <View id={`scorecard-${card.memberId}`} className='card scorecard-row'>
      <Text className='scorecard-name'>{card.name}</Text>
      <Figure label={t.quality} value={scoreText(card.quality, card.ratings)} className='scorecard-quality' />
      <Figure label={t.attitude} value={scoreText(card.attitude, card.ratings)} className='scorecard-attitude' />
      <Figure label={t.ownPhone} value={fill(t.ownPhoneValue, { own: card.ownPhoneRatings, count: card.ratings })} className='scorecard-own-phone' />
      <Figure label={t.onTime} value={onTimeText(card.onTimeRate, card.returned)} className='scorecard-ontime' />
      <Figure label={t.openLoad} value={fill(t.openLoadValue, { count: card.openLoad })} className='scorecard-load' />
    </View>
  );
}

/**
 * R7 R9: each technician's ratings (and how many the residents gave on their own phones), on-time returns and open orders. Whoever calls gets what the
 * server lets them see (a technician: only themselves), so it also serves as a technician's 我的成绩.
 */
export default function Scorecards() {
  const context = useReadySession();
  const { items, loading, error, refresh } = useScorecards();
  const mine = context?.role === 'technician';
  const root = useFocusableScroller();
  return (
    <View ref={root} className='page scorecards'>
      <Text className='title'>{mine ? supervisorUi.supervisor.myScorecardTitle : supervisorUi.supervisor.scorecardsTitle}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? supervisorUi.supervisor.scorecardsEmpty : null}>
        <View className='scorecard-grid'>{items?.map((card) => <ScorecardRow key={card.memberId} card={card} />)}</View>
      </LoadState>
    </View>
  );
}
