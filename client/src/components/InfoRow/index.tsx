import { Text, View } from '@tarojs/components';
import './index.css';

/** One recorded fact: what it is, and its value. */
export default function InfoRow({ label, value, className = '' }: { label: string; value: string; className?: string }) {
  return (
    <View className={`info-row ${className}`}>
      <Text className='info-label'>{label}</Text>
      <Text className='info-value'>{value}</Text>
    </View>
  );
}
