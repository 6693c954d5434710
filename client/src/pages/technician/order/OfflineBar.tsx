import { Text, View } from '@tarojs/components';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import './OfflineBar.css';

/** In a basement: what he sees is what the phone kept, and his taps wait on it for the signal. */
export default function OfflineBar() {
  return (
    <View className='offline-bar' role='status'>
      <Text className='offline-bar-text'>{technicianUi.day.offline}</Text>
    </View>
  );
}
