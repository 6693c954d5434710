import { Button, Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { useMyComplaints, type ComplaintView } from '../../../hooks/useComplaints';
import { ComplaintStatusTag } from '../../../components/StatusTag/records';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { formatWhen } from '../../../utils/time';
import { go, routes } from '../../../utils/routes';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

function ComplaintRow({ complaint }: { complaint: ComplaintView }) {
  return (
    <View id={`complaint-${complaint.id}`} className='card my-complaint' onClick={() => go(routes.myComplaint(complaint.id))}>
      <View className='my-complaint-head'>
        <Text className='my-complaint-category'>
          {messages.complaintCategories[complaint.category]}
        </Text>
        <ComplaintStatusTag status={complaint.status} />
      </View>
      <Text className='my-complaint-description'>{complaint.description}</Text>
      <Text className='muted my-complaint-date'>{fill(residentUi.myComplaints.filedAt, { when: formatWhen(complaint.createdAt) })}</Text>
    </View>
  );
}

/** 我的投诉: every complaint the resident filed, with where it stands. */
export default function MyComplaints() {
  const list = useMyComplaints();
  const { items, loading, error, refresh } = list;
  return (
    <ScaledPage className='my-complaints'>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? residentUi.myComplaints.empty : null}>
        {items?.map((complaint) => <ComplaintRow key={complaint.id} complaint={complaint} />)}
        <ListFooter list={list} />
      </LoadState>
      <Button className='btn btn-primary btn-new-complaint' onClick={() => go(routes.complaintNew)}>
        {residentUi.residentHome.newComplaint}
      </Button>
    </ScaledPage>
  );
}
