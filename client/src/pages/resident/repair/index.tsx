import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';

import { useRepair } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import RepairSummary from '../../../components/RepairSummary';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { routeParam } from '../../../utils/routes';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { fill } from '../../../i18n/ui.zh-CN';
import AcceptQuote from './AcceptQuote';
import RatingCard from './RatingCard';
import RepairWindow from './RepairWindow';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

/**
 * One of the resident's repairs: status, what happens next, and its history; the quote to agree
 * to (R6) while it waits for them, the window a technician comes in (V4), and the stars to give once it is signed (R7): thanks instead once given, with the change still open for the 7 days.
 * One her household filed (issue 18, 5) she follows: who filed it, and its filer takes those steps.
 */
export default function MyRepair() {
  const { data, loading, error, refresh } = useRepair(routeParam('id'));
  const context = useReadySession();
  const reload = useCallback(() => void refresh(), [refresh]);
  const canAccept = Boolean(data && data.status === 'quoted' && data.quote && data.actions.includes('accept'));
  // R7: the server offers 'rate' while the resident may still rate or replace the stars given on site.
  const canRate = Boolean(data && data.status === 'signed' && data.actions.includes('rate'));
  return (
    <ScaledPage className='my-repair'>
      <LoadState loading={loading} error={error} onRetry={reload}>
        {data?.byHousehold && (
          <View className='card my-repair-filer'>
            <Text className='my-repair-filer-name'>{fill(residentUi.repairList.filedBy, { name: data.residentName })}</Text>
            <Text className='muted'>{residentUi.repairList.filerActs}</Text>
          </View>
        )}
        {data && context && canAccept && (
          <AcceptQuote key={data.version} repair={data} propertyId={context.property.propertyId} onDone={reload} />
        )}
        {data && context && canRate && (
          <RatingCard key={data.version} repair={data} propertyId={context.property.propertyId} memberId={context.memberId} onDone={reload} />
        )}
        {data && <RepairSummary repair={data} showQuote={!canAccept} />}
        {data && context && !data.byHousehold && <RepairWindow key={data.appointment?.start ?? 'none'} repair={data} propertyId={context.property.propertyId} onDone={reload} />}
      </LoadState>
      {context && <DeskPhoneButton phone={context.property.deskPhone} look='plain' />}
    </ScaledPage>
  );
}
