import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { CallFailure } from '../../api';
import Empty from '../kit/Empty';
import Skeleton from '../kit/Skeleton';
import LoadState from '../LoadState';
import './index.css';

interface Props {
  loading: boolean;
  error: CallFailure | null;
  onRetry: () => void;
  /** Said under the kit's empty picture when there is nothing to list. */
  empty?: string | null;
  children?: ReactNode;
}

/**
 * A staff list's states drawn with the kit (issue 17, 1): grey rows while it loads, the kit's empty
 * picture with what goes there; the error and the content as LoadState shows them.
 */
export default function ListState({ loading, error, onRetry, empty, children }: Props) {
  if (!error && loading) {
    return (
      <View className='card list-skeleton load-loading'>
        <Skeleton rows={3} animated />
      </View>
    );
  }
  if (!error && empty) return <Empty className='list-empty' size='small' description={empty} />;
  return (
    <LoadState loading={false} error={error} onRetry={onRetry}>
      {children}
    </LoadState>
  );
}
