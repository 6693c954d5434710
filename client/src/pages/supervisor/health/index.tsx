import { Text, View } from '@tarojs/components';
import { useHealth } from '../../../hooks/useNotices';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { formatWhen } from '../../../utils/time';
import DeadLetterRow from './DeadLetterRow';
import './index.css';

/**
 * Issue 5, nothing falls through the cracks: when the reminders timer last ran, and a red alarm when
 * that is too long ago; the notices that could not be delivered, each with 重新发送.
 */
export default function Health() {
  const t = ui.health;
  const context = useReadySession();
  const { data, loading, error, refresh } = useHealth();
  const timer = data?.timer;
  const dead = data?.deadLetters;
  return (
    <View className='page health-page'>
      <Text className='title'>{t.title}</Text>
      <SubscribeLowBanner />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {timer && (
          <View className={`card health-timer${timer.stale ? ' health-timer-stale' : ''}`}>
            <Text className='section-title'>{t.timer}</Text>
            <Text className='health-last-run'>{timer.lastRunAt ? fill(t.lastRun, { when: formatWhen(timer.lastRunAt) }) : t.neverRun}</Text>
            {timer.stale ? <Text className='health-alarm'>{t.stale}</Text> : <Text className='health-ok'>{t.running}</Text>}
          </View>
        )}
        {dead && (
          <View className='health-dead'>
            <View className='health-dead-head'>
              <Text className='section-title'>{t.deadLetters}</Text>
              <Text className={`badge ${dead.count > 0 ? 'badge-urgent' : 'badge-normal'} health-dead-count`}>{fill(t.deadCount, { count: dead.count })}</Text>
            </View>
            {dead.items.length === 0 ? (
              <View className='empty health-dead-empty'>
                <Text>{t.deadEmpty}</Text>
              </View>
            ) : (
              <Text className='muted health-dead-hint'>{t.deadHint}</Text>
            )}
            {dead.items.map((item) => (
              <DeadLetterRow key={item.id} item={item} propertyId={context?.property.propertyId ?? ''} onDone={() => void refresh()} />
            ))}
          </View>
        )}
      </LoadState>
    </View>
  );
}
