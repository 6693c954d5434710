import { View } from '@tarojs/components';
import { useFocusableScroller } from '../../../keyboard/focusable-scroller';
import { routeParam } from '../../../utils/routes';
import RepairDesk from './RepairDesk';

/** A repair as the desk sees it, on a phone-sized window (a wide one shows it beside the queue). */
export default function DeskRepair() {
  const root = useFocusableScroller();
  return (
    <View ref={root} className='page desk-repair'>
      <RepairDesk repairId={routeParam('id')} />
    </View>
  );
}
