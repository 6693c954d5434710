import { Text, View } from '@tarojs/components';
import { useHealth } from '../../../hooks/useNotices';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatWhen } from '../../../utils/time';
import { stepLabel } from '../../../utils/timer-steps';
import DeadLetterRow from './DeadLetterRow';
import HealthSection from './HealthSection';
import QuarantineRow from './QuarantineRow';
import '../../../theme/controls.css';
import './index.css';

/**
 * Issue 5, nothing falls through the cracks: when the reminders timer last ran, and a red alarm when
 * that is too long ago or some of its tasks failed (issue 12, 3.8); the records it had to set aside;
 * the notices that could not be delivered, each with 重新发送.
 */
export default function Health() {
  const t = supervisorUi.health;
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
            {timer.stale && <Text className='health-alarm'>{t.stale}</Text>}
            {timer.failedSteps.length > 0 && (
              <Text className='health-failed'>{fill(t.failedSteps, { steps: timer.failedSteps.map((step) => stepLabel(step)).join(t.stepSeparator) })}</Text>
            )}
            {!timer.stale && timer.failedSteps.length === 0 && <Text className='health-ok'>{t.running}</Text>}
          </View>
        )}
        {data && (
          <HealthSection name='health-quarantine' title={t.quarantine} count={data.quarantine.count} countText={t.quarantineCount} empty={t.quarantineEmpty} hint={t.quarantineHint}>
            {data.quarantine.items.map((item) => (
              <QuarantineRow key={item.id} item={item} />
            ))}
          </HealthSection>
        )}
        {dead && (
          <HealthSection name='health-dead' title={t.deadLetters} count={dead.count} countText={t.deadCount} empty={t.deadEmpty} hint={t.deadHint}>
            {dead.items.map((item) => (
              <DeadLetterRow key={item.id} item={item} propertyId={context?.property.propertyId ?? ''} onDone={() => void refresh()} />
            ))}
          </HealthSection>
        )}
      </LoadState>
    </View>
  );
}
