import { Text, Textarea } from '@tarojs/components';

interface Props {
  label: string;
  labelClass: string;
  /** The box's own classes, which tests and styles find it by. */
  inputClass: string;
  value: string;
  placeholder: string;
  /** Said under the box when the reason will not do; `errorClass` names it. */
  error?: string | null;
  errorClass?: string;
  /** How long the answer may be; the contract's limit where it is longer than a sentence or two. */
  maxlength?: number;
  onChange: (value: string) => void;
}

/** Why: a label, a box for a sentence or two, and what is wrong with it. */
export default function ReasonField({ label, labelClass, inputClass, value, placeholder, error, errorClass = '', maxlength = 200, onChange }: Props) {
  return (
    <>
      <Text className={labelClass}>{label}</Text>
      <Textarea
        className={`textbox ${inputClass}`}
        value={value}
        maxlength={maxlength}
        autoHeight
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className={`field-error ${errorClass}`}>{error}</Text>}
    </>
  );
}
