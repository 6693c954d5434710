import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.css';

/**
 * The page's primary action, in a bar fixed at the bottom above the home indicator (safe area);
 * the spacer keeps the page's last lines from hiding under it.
 */
export default function ActionBar({ children }: { children: ReactNode }) {
  return (
    <>
      <View className='action-bar-spacer' />
      <View className='action-bar'>{children}</View>
    </>
  );
}
