import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../Icon';
import { useWideWindow } from '../../hooks/useWideWindow';
import { ui } from '../../i18n/ui.zh-CN';
import { callPhone } from '../../utils/phone';
import './index.css';

/**
 * A number staff call back: one tap dials it on a phone; on a PC window (wide), where nothing dials,
 * the number stays on screen, selectable, with 复制 beside it for the desk phone or a softphone.
 */
export default function PhoneValue({ phone, className }: { phone: string; className: string }) {
  const wide = useWideWindow();
  if (!wide) {
    return (
      <Text className={`${className} phone-call`} onClick={() => callPhone(phone)}>
        <Icon of={Phone} />
        {phone}
      </Text>
    );
  }
  const copy = () => void Taro.setClipboardData({ data: phone }).catch(() => undefined);
  return (
    <View className={`${className} phone-copy`}>
      <Text className='phone-number' userSelect>
        {phone}
      </Text>
      <Text className='link btn-copy-phone' onClick={copy}>
        {ui.common.copy}
      </Text>
    </View>
  );
}
