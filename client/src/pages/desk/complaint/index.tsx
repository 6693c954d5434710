import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { routeParam } from '../../../utils/routes';
import { refFromRoute } from './case-ref';
import CaseDesk from './CaseDesk';

/** One complaint or group complaint at the desk, on its own page (a wide window's complaint list shows it beside the list). */
export default function DeskComplaint() {
  const kind = routeParam('kind');
  const id = routeParam('id');
  const caseRef = useMemo(() => refFromRoute(kind, id), [kind, id]);
  return (
    <View className='page desk-complaint'>
      <CaseDesk caseRef={caseRef} />
    </View>
  );
}
