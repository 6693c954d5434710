import { Input, View, type InputProps } from '@tarojs/components';

type Props = InputProps & {
  /** Attributes for the <input> itself (its aria-label). */
  nativeProps?: Record<string, unknown>;
  'aria-label'?: string;
};

/**
 * One line to type in, in the browser. Taro's HTML input (h5.useHtmlComponents) is a bare <input>; the app's
 * styles, its own code and the browser tests find a field as a box carrying the field's class and id around an
 * <input> (`.input-target input`), as Stencil's taro-input-core was. The box is kept: the class and id go on it,
 * the rest, and the screen reader's name, on the input.
 */
export default function TextLine({ id, className, nativeProps, 'aria-label': label, ...input }: Props) {
  return (
    <View id={id} className={`text-line ${className ?? ''}`}>
      <Input {...input} {...(label === undefined ? {} : { 'aria-label': label })} {...nativeProps} />
    </View>
  );
}
