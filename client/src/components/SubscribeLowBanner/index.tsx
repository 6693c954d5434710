import { Text } from '@tarojs/components';
import { useReadySession } from '../../hooks/useSession';
import { ui } from '../../i18n/ui.zh-CN';
import './index.css';

/** Issue 5: staff whose sends are running out are told how to top them up; residents never see it. */
export default function SubscribeLowBanner() {
  const context = useReadySession();
  if (!context || context.role === 'resident' || !context.subscribe?.low) return null;
  return <Text className='subscribe-low'>{ui.subscribe.low}</Text>;
}
