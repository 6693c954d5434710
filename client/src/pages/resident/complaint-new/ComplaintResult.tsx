import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import SuccessF from '@nutui/icons-react-taro/dist/es/icons/SuccessF.js';
import { filingPromise } from '@shared/domain/complaint-deadline.rules';
import Icon from '../../../components/Icon';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import type { ComplaintView } from '../../../hooks/useComplaints';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { routes } from '../../../utils/routes';
import { formatDay, formatDueBy } from '../../../utils/time';

/** Right after filing (issue 18, 2): who reads it and by when, as C4 sets it, and the desk one tap away. */
export default function ComplaintResult({ complaint, deskPhone }: { complaint: ComplaintView; deskPhone: string }) {
  const t = residentUi.complaintResult;
  const promise = filingPromise(new Date(complaint.createdAt), complaint.residentDeadline ? new Date(complaint.residentDeadline) : null);
  return (
    <View className='complaint-result'>
      <View className='card result-card'>
        <Icon of={SuccessF} className='result-icon' />
        <Text className='title result-title'>{t.title}</Text>
        <Text className='result-line complaint-result-read'>{fill(t.readBy, { day: formatDay(promise.identifiedOn) })}</Text>
        <Text className='result-line complaint-result-resolve'>{fill(t.resolveBy, { when: formatDueBy(promise.resolvedBy.toISOString()) })}</Text>
        <Text className='result-line muted'>{t.follow}</Text>
      </View>
      <DeskPhoneButton phone={deskPhone} look='plain' />
      <Button className='btn btn-plain btn-view-complaint' onClick={() => void Taro.redirectTo({ url: routes.myComplaint(complaint.id) })}>
        {t.viewComplaint}
      </Button>
      <Button className='btn btn-plain btn-back-home' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.residentHome }))}>
        {t.backHome}
      </Button>
    </View>
  );
}
