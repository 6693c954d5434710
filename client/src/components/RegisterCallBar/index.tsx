import { Button } from '@tarojs/components';
import ActionBar from '../ActionBar';
import { deskUi } from '../../i18n/desk.zh-CN';
import { reachable } from '../../keyboard/reachable';
import { go, routes } from '../../utils/routes';

/** 登记报修, the desk's and the supervisor's first action when the phone rings, in the bar at the bottom. */
export default function RegisterCallBar() {
  return (
    <ActionBar>
      <Button id='btn-register' className='btn btn-primary btn-register' onClick={() => go(routes.deskRegister)} {...reachable()}>
        {deskUi.deskRegister.button}
      </Button>
    </ActionBar>
  );
}
