import { Text, View } from '@tarojs/components';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { rateText } from '../complaint-figures/periods';

interface Props {
  label: string;
  rate: number | null;
  part: number;
  whole: number;
  met: boolean;
  className: string;
}

/** R13 C7: one check of the month: the rate against what it should be, and whether it is met. */
export default function CheckRow({ label, rate, part, whole, met, className }: Props) {
  const t = supervisorUi.callbackFigures;
  return (
    <View className={`check-row ${className}`}>
      <Text className='check-label'>{label}</Text>
      <View className='check-result'>
        <Text className='check-rate'>{rateText(rate, part, whole)}</Text>
        <Text className={`badge ${met ? 'check-met' : 'badge-urgent check-not-met'}`}>{met ? t.met : t.notMet}</Text>
      </View>
    </View>
  );
}
