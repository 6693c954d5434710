import { View } from '@tarojs/components';
import './index.css';

interface Props {
  value: number;
  onChange: (value: number) => void;
  /** Names the rating for tests and styles: `.star-quality .star-4`. */
  className?: string;
}

const STARS = [1, 2, 3, 4, 5] as const;

/** Five big stars (1–5): the native WeChat component in the mini-program, plain views in H5. */
export default function StarRating({ value, onChange, className = '' }: Props) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className={`star-rating ${className}`}>
        <star-rating value={value} onChange={(e) => onChange(e.detail.value)} />
      </View>
    );
  }
  return (
    <View className={`star-rating stars ${className}`}>
      {STARS.map((n) => (
        <View key={n} className={`star star-${n}${n <= value ? ' star-on' : ''}`} onClick={() => onChange(n)}>
          ★
        </View>
      ))}
    </View>
  );
}
