import { Text, View } from '@tarojs/components';
import Input from '../TextLine';
import './index.css';

interface Props {
  label: string;
  /** The input's own class, which tests and styles find it by. */
  inputClass: string;
  value: string;
  maxlength: number;
  placeholder: string;
  error?: string;
  errorClass: string;
  /** The keyboard: 'number' for whole numbers, 'digit' for amounts with a decimal point. */
  type?: 'text' | 'number' | 'digit';
  /** Where the keyboard is, on WeChat: a form moves it along as the person presses Enter. */
  focus?: boolean;
  onFocus?: () => void;
  /** Enter pressed in the field. */
  onConfirm?: () => void;
  onChange: (value: string) => void;
}

/** One line to type in: who is calling, on what number, which department; the input is named by its label for screen readers (H5). */
export default function LineField({ label, inputClass, value, maxlength, placeholder, error, errorClass, type = 'text', focus, onFocus, onConfirm, onChange }: Props) {
  return (
    <View className='line-field'>
      <Text className='line-label'>{label}</Text>
      <Input
        className={`line-input ${inputClass}`}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        focus={focus}
        onFocus={onFocus}
        onConfirm={onConfirm}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className={`field-error ${errorClass}`}>{error}</Text>}
    </View>
  );
}
