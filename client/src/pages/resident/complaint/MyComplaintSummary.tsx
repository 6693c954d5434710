import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { ComplaintView } from '../../../hooks/useComplaints';
import { ComplaintStatusTag } from '../../../components/StatusTag/records';
import InfoRow from '../../../components/InfoRow';
import PhotoGrid from '../../../components/PhotoGrid';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';

/** Where the complaint stands, in words addressed to her, and what she told us (C1). */
export default function MyComplaintSummary({ complaint }: { complaint: ComplaintView }) {
  const t = residentUi.complaintDetail;
  const { reply } = complaint;
  return (
    <>
      <View className='card my-complaint-status'>
        <ComplaintStatusTag status={complaint.status} />
        <Text className='my-complaint-next'>{t.nextStep[complaint.status]}</Text>
      </View>
      {reply && (
        <View className='card my-complaint-reply'>
          <Text className='section-title'>{t.replyTitle}</Text>
          <Text className='reply-content'>{reply.content}</Text>
          <Text className='muted reply-form'>{fill(t.replyLine, { form: messages.replyForms[reply.form], when: formatStamp(reply.at) })}</Text>
        </View>
      )}
      <View className='card my-complaint-facts'>
        <InfoRow label={t.category} value={messages.complaintCategories[complaint.category]} />
        <InfoRow label={t.place} value={complaint.placeLabel} className='fact-place' />
        <InfoRow label={t.occurredAt} value={formatStamp(complaint.occurredAt)} className='fact-occurred' />
        {complaint.target && <InfoRow label={t.target} value={complaint.target} className='fact-target' />}
        <InfoRow label={t.description} value={complaint.description} className='fact-description' />
        <InfoRow label={t.request} value={complaint.request} className='fact-request' />
        {complaint.residentDeadline && <InfoRow label={t.deadline} value={formatStamp(complaint.residentDeadline)} className='fact-deadline' />}
        <InfoRow label={t.address} value={complaint.address} />
        <InfoRow label={t.channel} value={messages.complaintChannels[complaint.channel]} />
        <InfoRow label={t.createdAt} value={formatStamp(complaint.createdAt)} />
      </View>
      {complaint.photos.length > 0 && (
        <View className='card'>
          <Text className='section-title'>{t.photos}</Text>
          <PhotoGrid links={complaint.photos} />
        </View>
      )}
    </>
  );
}
