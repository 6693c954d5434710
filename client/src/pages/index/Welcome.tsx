import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ui } from '../../i18n/ui.zh-CN';
import type { LaunchHint } from '../../utils/launch';
import { go, routes } from '../../utils/routes';
import JoinForm from './JoinForm';
import MyBindings from './MyBindings';

/**
 * Someone WeChat knows but no property does yet: a resident asks to bind a room, a new colleague
 * types (or scanned) their invitation's code; requests already made show where they stand.
 */
export default function Welcome({ launch }: { launch: LaunchHint }) {
  const t = ui.landing;
  const [joining, setJoining] = useState(launch.invite !== '');
  return (
    <View className='page landing landing-welcome'>
      <Text className='title'>{t.welcomeTitle}</Text>
      <Text className='muted landing-message'>{t.welcomeHint}</Text>
      {joining && <JoinForm initialCode={launch.invite} />}
      <MyBindings />
      <Button className='btn btn-primary btn-bind' onClick={() => go(routes.joinBind(launch.propertyId))}>
        {t.bind}
      </Button>
      {!joining && (
        <Button className='btn btn-plain btn-staff-join' onClick={() => setJoining(true)}>
          {t.staffJoin}
        </Button>
      )}
    </View>
  );
}
