import { Button, Text, View } from '@tarojs/components';
import type { PagedRemote } from '../../hooks/usePagedAction';
import { fill, ui } from '../../i18n/ui.zh-CN';

type Paged = Pick<PagedRemote<unknown>, 'items' | 'total' | 'hasMore' | 'loadingMore' | 'loadMore'>;

/** The end of a paged list: 加载更多 while there is more (scrolling to the bottom does the same), else how many there are in all. */
export default function ListFooter({ list }: { list: Paged }) {
  const shown = list.items?.length ?? 0;
  if (list.loadingMore) return <Text className='muted list-footer list-loading-more'>{ui.list.loadingMore}</Text>;
  if (list.hasMore) {
    return (
      <View className='list-footer'>
        <Button className='btn btn-plain btn-load-more' onClick={() => void list.loadMore()}>
          {ui.list.loadMore}
        </Button>
        {list.total !== null && <Text className='muted list-total'>{fill(ui.list.total, { count: list.total })}</Text>}
      </View>
    );
  }
  if (shown === 0) return null;
  return <Text className='muted list-footer list-all-shown'>{fill(ui.list.allShown, { count: list.total ?? shown })}</Text>;
}
