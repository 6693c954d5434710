import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { CallFailure } from '../../api';
import { ui } from '../../i18n/ui.zh-CN';

interface Props {
  loading: boolean;
  error: CallFailure | null;
  onRetry: () => void;
  /** Shown instead of the children when there is nothing to list. */
  empty?: string | null;
  children?: ReactNode;
}

/** Loading, a Chinese error with what to do, an explained empty list, or the content. */
export default function LoadState({ loading, error, onRetry, empty, children }: Props) {
  if (error) {
    return (
      <View className='card load-error'>
        <Text className='section-title'>{ui.common.loadFailed}</Text>
        <Text className='muted'>{error.message}</Text>
        <Button className='btn btn-secondary btn-retry' onClick={onRetry}>
          {ui.common.retry}
        </Button>
      </View>
    );
  }
  if (loading) {
    return (
      <View className='empty load-loading'>
        <Text>{ui.common.loading}</Text>
      </View>
    );
  }
  if (empty) {
    return (
      <View className='empty list-empty'>
        <Text>{empty}</Text>
      </View>
    );
  }
  return <>{children}</>;
}
