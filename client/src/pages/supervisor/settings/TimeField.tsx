import { Picker, Text, View } from '@tarojs/components';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

interface Props {
  label: string;
  /** The field's own class, which tests and styles find it by. */
  className: string;
  /** "08:00", or '' while none is chosen. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A time chosen, not typed (issue 17, 2): WeChat's own time picker (`picker` mode time,
 * https://developers.weixin.qq.com/miniprogram/dev/component/picker.html), which Taro draws in H5 too.
 * Chosen over the kit's DatePicker, which would bring its popup and wheel into the supervisor's package.
 */
export default function TimeField({ label, className, value, onChange }: Props) {
  return (
    <View className={`line-field time-field ${className}`}>
      <Text className='line-label'>{label}</Text>
      <Picker mode='time' value={value || '08:00'} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`time-value${value ? '' : ' time-unset'}`}>{value || supervisorUi.settings.pickTime}</View>
      </Picker>
    </View>
  );
}
