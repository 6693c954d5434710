import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { ComplaintView } from '../../../hooks/useComplaints';
import InfoRow from '../../../components/InfoRow';
import PhoneValue from '../../../components/PhoneValue';
import PhotoGrid from '../../../components/PhotoGrid';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';

/** C1: everything one household's complaint records, as the desk sees it (the full phone: one tap to call, or shown to copy on a PC). */
export default function ComplaintFacts({ complaint }: { complaint: ComplaintView }) {
  const t = deskUi.deskComplaint;
  return (
    <View className='card complaint-facts'>
      <InfoRow label={t.resident} value={complaint.residentName} className='fact-resident' />
      <View className='info-row fact-phone'>
        <Text className='info-label'>{t.phone}</Text>
        <PhoneValue phone={complaint.phone} className='info-value case-phone' />
      </View>
      <InfoRow label={t.address} value={complaint.address} className='fact-address' />
      <InfoRow label={t.channel} value={messages.complaintChannels[complaint.channel]} className='fact-channel' />
      <InfoRow label={t.occurredAt} value={formatStamp(complaint.occurredAt)} className='fact-occurred' />
      <InfoRow label={t.place} value={complaint.placeLabel} className='fact-place' />
      <InfoRow label={t.category} value={messages.complaintCategories[complaint.category]} className='fact-category' />
      {complaint.target && <InfoRow label={t.target} value={complaint.target} className='fact-target' />}
      <InfoRow label={t.description} value={complaint.description} className='fact-description' />
      <InfoRow label={t.request} value={complaint.request} className='fact-request' />
      {complaint.residentDeadline && <InfoRow label={t.deadline} value={formatStamp(complaint.residentDeadline)} className='fact-deadline' />}
      <InfoRow label={t.createdAt} value={formatStamp(complaint.createdAt)} className='fact-created' />
      <InfoRow
        label={t.apology}
        value={complaint.apology ? fill(t.apologised, { when: formatStamp(complaint.apology.at) }) : t.notApologised}
        className='fact-apology'
      />
      {complaint.repeatOf && <Text className='badge badge-normal fact-repeat'>{t.repeat}</Text>}
      {complaint.photos.length > 0 && (
        <View className='case-photos'>
          <Text className='info-label'>{t.photos}</Text>
          <PhotoGrid links={complaint.photos} />
        </View>
      )}
    </View>
  );
}
