import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/contracts/repairs.contract';
import TriageLine from '../../../components/TriageLine';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { routes } from '../../../utils/routes';

/** Right after registering: urgent or not and the matched rule (R3), then on to dispatch. */
export default function RegisterResult({ repair, onAnother }: { repair: RepairView; onAnother: () => void }) {
  const t = deskUi.deskRegister;
  const urgent = repair.priority === 'urgent';
  return (
    <View className={`register-result ${urgent ? 'result-urgent' : 'result-normal'}`}>
      <View className='card'>
        <Text className='title register-result-title'>{urgent ? t.urgentTitle : t.normalTitle}</Text>
        <TriageLine repair={repair} />
        <Text className='register-result-address'>{repair.address}</Text>
        <Text className='register-result-next'>{urgent ? t.urgentNext : t.normalNext}</Text>
      </View>
      <Button
        id='btn-go-dispatch'
        className='btn btn-primary btn-go-dispatch'
        onClick={() => void Taro.redirectTo({ url: routes.deskRepair(repair.id) })}
      >
        {t.goDispatch}
      </Button>
      <Button className='btn btn-plain btn-register-another' onClick={onAnother}>
        {t.another}
      </Button>
    </View>
  );
}
