import { Text } from '@tarojs/components';
import { fill, ui } from '../../i18n/ui.zh-CN';
import './index.css';

/** R3: "3 件急修等待派单", in red at the top of a staff home while any wait. */
export default function UrgentWaiting({ count }: { count: string | null }) {
  if (!count) return null;
  return <Text className='inbox-urgent-count'>{fill(ui.desk.urgentWaiting, { count })}</Text>;
}
