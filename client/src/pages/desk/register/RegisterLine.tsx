import { Input, Text, View } from '@tarojs/components';

interface Props {
  label: string;
  inputClass: string;
  value: string;
  maxlength: number;
  placeholder: string;
  error?: string;
  errorClass: string;
  onChange: (value: string) => void;
}

/** One line to type in under the channel: who is calling, or on what number. */
export default function RegisterLine({ label, inputClass, value, maxlength, placeholder, error, errorClass, onChange }: Props) {
  return (
    <View className='register-field'>
      <Text className='register-label'>{label}</Text>
      <Input
        className={`register-input ${inputClass}`}
        type='text'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className={`field-error ${errorClass}`}>{error}</Text>}
    </View>
  );
}
