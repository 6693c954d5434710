import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { fill } from '../../../i18n/ui.zh-CN';

interface Props {
  /** The class of the section; its count badge and empty line take it as a prefix. */
  name: string;
  title: string;
  count: number;
  countText: string;
  empty: string;
  hint: string;
  children: ReactNode;
}

/** A list on the health page: its title with how many (red when any), and what to do about them or that there are none. */
export default function HealthSection({ name, title, count, countText, empty, hint, children }: Props) {
  return (
    <View className={name}>
      <View className='health-dead-head'>
        <Text className='section-title'>{title}</Text>
        <Text className={`badge ${count > 0 ? 'badge-urgent' : 'badge-normal'} ${name}-count`}>{fill(countText, { count })}</Text>
      </View>
      {count === 0 ? (
        <View className={`empty ${name}-empty`}>
          <Text>{empty}</Text>
        </View>
      ) : (
        <Text className='muted health-dead-hint'>{hint}</Text>
      )}
      {children}
    </View>
  );
}
