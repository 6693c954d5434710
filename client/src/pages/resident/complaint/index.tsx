import { useCallback, useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { useComplaint, type CaseRef } from '../../../hooks/useComplaints';
import { useReadySession } from '../../../hooks/useSession';
import ComplaintRating from '../../../components/ComplaintRating';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import LoadState from '../../../components/LoadState';
import Timeline from '../../../components/Timeline';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { caseWords } from '../../../utils/complaint-labels';
import { routeParam } from '../../../utils/routes';
import GroupProgressCard from './GroupProgressCard';
import MyComplaintSummary from './MyComplaintSummary';
import RateComplaint from './RateComplaint';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

/**
 * One of the resident's complaints: where it stands, the reply (C5), the group it joined (C3) with
 * only its shared progress, her stars once it is answered, and what happened since.
 */
export default function MyComplaint() {
  const id = routeParam('id');
  const ref = useMemo((): CaseRef => ({ kind: 'complaint', id }), [id]);
  const { data, loading, error, refresh } = useComplaint(ref);
  const context = useReadySession();
  const reload = useCallback(() => void refresh(), [refresh]);
  const complaint = data?.case.kind === 'complaint' ? data.case : null;
  const canRate = Boolean(complaint && !complaint.rating && complaint.actions.includes('rate'));
  return (
    <ScaledPage className='my-complaint-page'>
      <LoadState loading={loading} error={error} onRetry={reload}>
        {complaint && context && canRate && (
          <RateComplaint
            key={complaint.version}
            complaint={complaint}
            propertyId={context.property.propertyId}
            memberId={context.memberId}
            onDone={reload}
          />
        )}
        {complaint && <MyComplaintSummary complaint={complaint} />}
        {complaint?.group && <GroupProgressCard group={complaint.group} />}
        {complaint?.rating && <ComplaintRating title={residentUi.complaintRating.mine} rating={complaint.rating} />}
        {data && (
          <View className='card'>
            <Text className='section-title'>{residentUi.complaintDetail.history}</Text>
            <Timeline events={data.history} words={caseWords} />
          </View>
        )}
      </LoadState>
      {context && <DeskPhoneButton phone={context.property.deskPhone} look='plain' />}
    </ScaledPage>
  );
}
