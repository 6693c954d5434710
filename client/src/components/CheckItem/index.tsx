import { Text, View } from '@tarojs/components';
import { ui } from '../../i18n/ui.zh-CN';
import './index.css';

interface Props {
  checked: boolean;
  label: string;
  /** The box's own class, which tests and styles find it by; `check-on` is added when ticked. */
  className: string;
  onChange: (checked: boolean) => void;
}

/** A box to tick, the whole row a big target. */
export default function CheckItem({ checked, label, className, onChange }: Props) {
  return (
    <View className={`check-item ${className}${checked ? ' check-on' : ''}`} onClick={() => onChange(!checked)}>
      <Text className='check-box'>{checked ? ui.check.on : ui.check.off}</Text>
      <Text className='check-label'>{label}</Text>
    </View>
  );
}
