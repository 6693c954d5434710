import { Button, Text, View } from '@tarojs/components';
import { useReadySession } from '../../hooks/useSession';
import { askSubscribeConsent } from '../../hooks/useSubscribeConsent';
import { platform } from '../../api/platform';
import { ui } from '../../i18n/ui.zh-CN';
import './index.css';

/**
 * Issue 5, issue 17 (2): staff whose sends are running out are told, with the button that asks
 * WeChat for more. Residents never see it, nor does a build that cannot ask (H5).
 */
export default function SubscribeLowBanner() {
  const context = useReadySession();
  if (!context || context.role === 'resident' || !context.subscribe?.low || !platform.askSubscribe) return null;
  return (
    <View className='subscribe-low'>
      <Text className='subscribe-low-text'>{ui.subscribe.low}</Text>
      <Button className='btn btn-secondary btn-subscribe-top-up' onClick={() => askSubscribeConsent(context)}>
        {ui.subscribe.topUp}
      </Button>
    </View>
  );
}
