import { Text, View } from '@tarojs/components';
import type * as z from 'zod';
import type { RepairDetail } from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import TriageLine from '../TriageLine';
import StatusTag from '../StatusTag';
import PhotoGrid from '../PhotoGrid';
import Timeline from '../Timeline';
import { categoryIcons } from '../CategoryGrid/icons';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { formatPreferred, formatWhen } from '../../utils/time';
import { callPhone } from '../../utils/phone';
import './index.css';

export type RepairDetailView = z.infer<typeof RepairDetail>;

const nextStep = (repair: RepairDetailView): string => {
  const text = ui.repairDetail.nextStep;
  return fill(text[repair.status], { name: repair.technician?.name ?? '' });
};

const Row = ({ label, value, className }: { label: string; value: string; className?: string }) => (
  <View className={`summary-row ${className ?? ''}`}>
    <Text className='summary-label'>{label}</Text>
    <Text className='summary-value'>{value}</Text>
  </View>
);

interface Props {
  repair: RepairDetailView;
  /** Staff see who asked and their number; residents see what happens next, in words addressed to them. */
  forStaff?: boolean;
}

/** Everything about one repair: where it stands, what was asked, and what happened since. */
export default function RepairSummary({ repair, forStaff }: Props) {
  const t = ui.repairDetail;
  return (
    <View className='repair-summary'>
      <View className='card'>
        <TriageLine repair={repair} />
        <View className='summary-status'>
          <StatusTag status={repair.status} />
          {!forStaff && <Text className='summary-next'>{nextStep(repair)}</Text>}
        </View>
      </View>
      <View className='card'>
        <Row label={t.category} value={`${categoryIcons[repair.category]} ${messages.categories[repair.category]}`} />
        <Row label={t.address} value={repair.address} />
        <Row label={t.description} value={repair.description} className='summary-description' />
        <Row label={t.preferredTime} value={repair.preferredTime ? formatPreferred(repair.preferredTime) : t.asap} />
        {forStaff && <Row label={t.resident} value={repair.residentName} />}
        {forStaff && repair.phone && (
          <View className='summary-row' onClick={() => callPhone(repair.phone)}>
            <Text className='summary-label'>{t.phone}</Text>
            <Text className='summary-value summary-phone'>{`📞 ${repair.phone}`}</Text>
          </View>
        )}
        {repair.technician && <Row label={t.technician} value={repair.technician.name} />}
        <Row label={t.channel} value={messages.channels[repair.channel]} />
        <Row label={t.createdAt} value={formatWhen(repair.createdAt)} />
      </View>
      {repair.photos.length > 0 && (
        <View className='card'>
          <Text className='section-title'>{t.photos}</Text>
          <PhotoGrid fileIDs={repair.photos} />
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>{t.history}</Text>
        <Timeline events={repair.history} />
      </View>
    </View>
  );
}
