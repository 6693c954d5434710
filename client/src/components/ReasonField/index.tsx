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
  /**
   * Where the keyboard is, on WeChat: a form moves it along as the person presses Enter. Left off the
   * box when undefined: in the browser it would replace the element's own focus().
   */
  focus?: boolean;
  onFocus?: () => void;
  onChange: (value: string) => void;
}

/** Why: a label, a box for a sentence or two, and what is wrong with it. */
export default function ReasonField({ label, labelClass, inputClass, value, placeholder, error, errorClass = '', maxlength = 200, focus, onFocus, onChange }: Props) {
  return (
    <>
      <Text className={labelClass}>{label}</Text>
      <Textarea
        className={`textbox ${inputClass}`}
        value={value}
        maxlength={maxlength}
        autoHeight
        placeholder={placeholder}
        {...(focus === undefined ? {} : { focus })}
        onFocus={onFocus}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className={`field-error ${errorClass}`}>{error}</Text>}
    </>
  );
}
