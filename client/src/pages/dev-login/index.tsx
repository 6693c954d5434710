import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { setDevToken } from '../../api/local-auth';
import { resetSession } from '../../store/session.store';
import { devLoginText } from '../../i18n/dev-login.zh-CN';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { reachable } from '../../keyboard/reachable';
import { routes } from '../../utils/routes';
import './index.css';

interface DemoUser {
  token: string;
  name: string;
  role: string;
  propertyName: string;
  label: string;
}

const isDemoUser = (u: unknown): u is DemoUser =>
  typeof u === 'object' && u !== null && typeof (u as DemoUser).token === 'string' && typeof (u as DemoUser).label === 'string';

/** Local runtime only (H5): pick a demo person, keep their token, and enter as them. */
export default function DevLogin() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = () => {
    setFailed(false);
    fetch('/api/dev/users')
      .then((res) => res.json() as Promise<unknown>)
      .then((list) => setUsers(Array.isArray(list) ? list.filter(isDemoUser) : []))
      .catch(() => setFailed(true));
  };
  useEffect(load, []);

  const enter = (user: DemoUser) => {
    setDevToken(user.token);
    resetSession();
    void Taro.reLaunch({ url: routes.landing });
  };

  return (
    <View className='page dev-login'>
      <Text className='title'>{devLoginText.title}</Text>
      <Text className='muted dev-login-hint'>{devLoginText.hint}</Text>
      {failed && (
        <View className='card'>
          <Text>{devLoginText.loadFailed}</Text>
          <Button className='btn btn-secondary btn-retry' onClick={load}>
            {ui.common.retry}
          </Button>
        </View>
      )}
      {!users && !failed && <Text className='muted'>{ui.common.loading}</Text>}
      {users?.map((user, i) => (
        <Button
          key={user.token}
          id={`dev-user-${i}`}
          className={`btn btn-plain btn-dev-user dev-role-${user.role}`}
          {...reachable()}
          onClick={() => enter(user)}
        >
          {fill(devLoginText.enterAs, { label: user.label })}
        </Button>
      ))}
    </View>
  );
}
