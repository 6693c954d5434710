import { Button, Text, View } from '@tarojs/components';
import SuccessF from '@nutui/icons-react-taro/dist/es/icons/SuccessF.js';
import WarningF from '@nutui/icons-react-taro/dist/es/icons/WarningF.js';
import Icon from '../../../components/Icon';
import type { FiledRepair } from '@shared/contracts/repairs.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { ruleText } from '../../../components/TriageLine';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { repairPromiseWords } from '../../../utils/repair-promise';
import { routes } from '../../../utils/routes';
import Taro from '@tarojs/taro';

/** Right after filing: is it urgent and why (R3), when someone acts as the property promises (issue 18, 2), and the desk one tap away. */
export default function RepairResult({ repair, deskPhone }: { repair: FiledRepair; deskPhone: string }) {
  const t = residentUi.repairResult;
  const urgent = repair.priority === 'urgent';
  const rule = ruleText(repair.triage);
  return (
    <View className={`repair-result ${urgent ? 'result-urgent' : 'result-normal'}`}>
      <View className='card result-card'>
        <Icon of={urgent ? WarningF : SuccessF} className={`result-icon${urgent ? ' result-icon-urgent' : ''}`} />
        <Text className='title result-title'>{urgent ? t.urgentTitle : t.normalTitle}</Text>
        {urgent && (
          <View className='result-rule-box'>
            <Text className='badge badge-urgent'>{messages.priority.urgent}</Text>
            {rule && <Text className='result-rule'>{rule}</Text>}
          </View>
        )}
        {repair.promise && <Text className='result-promise'>{repairPromiseWords(repair.promise)}</Text>}
        <Text className='result-next'>{urgent ? t.urgentNext : t.normalNext}</Text>
      </View>
      <DeskPhoneButton phone={deskPhone} look={urgent ? 'primary' : 'plain'} />
      <Button
        className='btn btn-plain btn-view-repair'
        onClick={() => void Taro.redirectTo({ url: routes.myRepair(repair.id) })}
      >
        {t.viewRepair}
      </Button>
      <Button className='btn btn-plain btn-back-home' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.residentHome }))}>
        {t.backHome}
      </Button>
    </View>
  );
}
