import { Text, Textarea, View } from '@tarojs/components';
import { fill, ui } from '../../i18n/ui.zh-CN';
import './index.css';

interface Props {
  value: string;
  /** The contract's limit for the field (maxLengthOf), shown as a counter. */
  limit: number;
  className: string;
  id?: string;
  placeholder?: string;
  onInput: (value: string) => void;
}

/**
 * A text box that never cuts what was typed or dictated: WeChat's textarea keeps 140 characters
 * unless told otherwise, and any `maxlength` drops the rest without a word ("maxlength: 最大输入长度，
 * 设置为 -1 的时候不限制最大长度", developers.weixin.qq.com/miniprogram/dev/component/textarea.html).
 * The counter says how long it is against the limit and turns red past it; the form refuses it then.
 */
export default function LimitedText({ value, limit, className, id, placeholder, onInput }: Props) {
  const over = value.trim().length > limit;
  return (
    <View className='limited-text'>
      <Textarea id={id} className={className} value={value} placeholder={placeholder} maxlength={-1} autoHeight onInput={(e) => onInput(e.detail.value)} />
      <Text className={`char-counter${over ? ' char-counter-over' : ''}`}>{fill(ui.counter, { n: value.trim().length, limit })}</Text>
    </View>
  );
}
