import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useSession } from '../../hooks/useSession';
import { chooseProperty, loadSession } from '../../store/session.store';
import { platform } from '../../api/platform';
import { homeOf } from '../../utils/routes';
import { launchHint } from '../../utils/launch';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { ui } from '../../i18n/ui.zh-CN';
import Welcome from './Welcome';
import './index.css';

/** Finds out who is here and sends them to their role's home; someone new joins or asks to bind a room. */
export default function Landing() {
  const signIn = platform.signInPage();
  const state = useSession(!signIn);
  const [launch] = useState(launchHint);

  useEffect(() => {
    if (signIn) void Taro.redirectTo({ url: signIn });
  }, [signIn]);

  useEffect(() => {
    if (state.status === 'ready') void Taro.reLaunch({ url: homeOf(state.context.role) });
  }, [state]);

  if (state.status === 'choose') {
    return (
      <View className='page landing'>
        <Text className='title'>{ui.landing.chooseProperty}</Text>
        {state.memberships.map((m) => (
          <Button key={m.propertyId} className='btn btn-plain btn-property' onClick={() => void chooseProperty(m.propertyId)}>
            {`${m.propertyName} · ${messages.roles[m.role]}${m.active === false ? ` · ${ui.landing.inactive}` : ''}`}
          </Button>
        ))}
      </View>
    );
  }
  if (state.status === 'no-membership') return <Welcome launch={launch} />;
  if (state.status === 'error') {
    return (
      <View className='page landing'>
        <Text className='title'>{ui.common.loadFailed}</Text>
        <Text className='landing-message'>{state.message}</Text>
        <Button className='btn btn-primary btn-retry' onClick={() => void loadSession()}>
          {ui.common.retry}
        </Button>
      </View>
    );
  }
  return (
    <View className='page landing landing-loading'>
      <Text className='muted'>{ui.landing.entering}</Text>
    </View>
  );
}
