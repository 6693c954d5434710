import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useKeyRing } from './KeyScope';
import { reachable } from './reachable';

interface Props {
  id: string;
  className: string;
  /** Chosen (a chip that is on): said to screen readers. */
  on?: boolean;
  onPress: () => void;
  children: ReactNode;
}

/**
 * A chip or tile the keyboard reaches: a place in the browser's tab order, and in a KeyScope, Enter and
 * Space press it (in PC WeChat too, through the scope's ring).
 */
export default function Pressable({ id, className, on, onPress, children }: Props) {
  const ringed = useKeyRing(id, onPress);
  return (
    <View id={id} className={`${className} keyable${ringed ? ' key-focus' : ''}`} onClick={onPress} {...reachable(on ?? false)}>
      {children}
    </View>
  );
}
