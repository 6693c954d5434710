import { forwardRef, type HTMLAttributes } from 'react';
import classNames from 'classnames';

/** H5: Taro's `Text` as one forwardRef to its `<span>`, the same classes and props (./index.h5.ts). */
export default forwardRef<HTMLSpanElement, HTMLAttributes<HTMLSpanElement> & { selectable?: boolean }>(function Text({ className, selectable = false, ...rest }, ref) {
  return <span {...rest} className={classNames('taro-text', { 'taro-text__selectable': selectable }, className)} ref={ref} />;
});
