import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import type { RepairDetail } from '@shared/contracts/repairs.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import TriageLine from '../TriageLine';
import { RepairStatusTag } from '../StatusTag/records';
import PhoneValue from '../PhoneValue';
import PhotoGrid from '../PhotoGrid';
import Timeline from '../Timeline';
import QuoteView, { money } from '../QuoteView';
import RatingView from '../RatingView';
import { residentUi } from '../../i18n/resident.zh-CN';
import { fill, ui } from '../../i18n/ui.zh-CN';
import { formatPreferred, formatSpan, formatWhen } from '../../utils/time';
import { formatStamp } from './stamp';
import './index.css';

export type RepairDetailView = z.infer<typeof RepairDetail>;
export { formatStamp };

const nextStep = (repair: RepairDetailView): string => {
  const text = ui.repairDetail.nextStep;
  // Issue 18 (2): once rated, the page thanks her instead of asking again.
  if (repair.status === 'signed' && repair.rating) return ui.repairDetail.rated;
  // Issue 18 (5): the rest of her household is told whose step it is, not asked to take it.
  const filerStep = repair.byHousehold ? residentUi.repairList.filerNext[repair.status as keyof typeof residentUi.repairList.filerNext] : undefined;
  if (filerStep) return fill(filerStep, { name: repair.residentName });
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
  /** False where the page shows the quote itself (the resident's 同意报价 panel). */
  showQuote?: boolean;
  /** A button shown with an open blocker (the desk's 障碍已排除). */
  blockerAction?: ReactNode;
}

/** Everything about one repair: where it stands, what was asked, what was done, and what happened since. */
export default function RepairSummary({ repair, forStaff, showQuote = true, blockerAction }: Props) {
  const t = ui.repairDetail;
  const d = ui.deskRepair;
  const c = ui.completion;
  const { quote, completion, rating, blocker, sendBack } = repair;
  return (
    <View className='repair-summary'>
      <View className='card'>
        <TriageLine repair={repair} />
        <View className='summary-status'>
          <View className='summary-tags'>
            <RepairStatusTag status={repair.status} />
            {forStaff && repair.overdue && <Text className='badge badge-urgent badge-overdue'>{d.overdue}</Text>}
          </View>
          {!forStaff && <Text className='summary-next'>{nextStep(repair)}</Text>}
          {repair.status === 'signed' && repair.completedAt && (
            <Text className='summary-done'>{fill(c.done, { time: formatStamp(repair.completedAt) })}</Text>
          )}
          {forStaff && repair.priorityOverride && (
            <Text className='override-reason'>{fill(d.overrideShown, { priority: messages.priority[repair.priority], reason: repair.priorityOverride.reason })}</Text>
          )}
          {forStaff && repair.returnDueAt && (
            <Text className={`summary-return-due${repair.overdue ? ' summary-late' : ''}`}>
              {`${d.returnDue} ${formatStamp(repair.returnDueAt)}`}
            </Text>
          )}
        </View>
      </View>
      {blocker && (
        <View className='card blocker-card'>
          <Text className='section-title'>{`${d.blockerTitle} · ${d.blockerKinds[blocker.kind]}`}</Text>
          <Text className='blocker-reason'>{blocker.reason}</Text>
          <Text className='muted blocker-since'>{fill(d.blockerSince, { when: formatWhen(blocker.since) })}</Text>
          {blockerAction}
        </View>
      )}
      {forStaff && sendBack && (
        <View className='card send-back-card'>
          <Text className='section-title'>{d.sendBackTitle}</Text>
          <Row label={d.sendBackReason} value={sendBack.reason} className='send-back-reason' />
          <Text className='send-back-review'>
            {sendBack.review
              ? fill(sendBack.review.approved ? d.sendBackApproved : d.sendBackRejected, { opinion: sendBack.review.opinion })
              : d.sendBackWaiting}
          </Text>
        </View>
      )}
      <View className='card'>
        <Row label={t.category} value={messages.categories[repair.category]} />
        <Row label={t.address} value={repair.address} />
        <Row label={t.description} value={repair.description} className='summary-description' />
        <Row label={t.preferredTime} value={repair.preferredTime ? formatPreferred(repair.preferredTime) : t.asap} />
        {repair.appointment && <Row label={ui.windows.label} value={formatSpan(repair.appointment.start, repair.appointment.end)} className='summary-window' />}
        {forStaff && <Row label={t.resident} value={repair.residentName} />}
        {forStaff && repair.phone && (
          <View className='summary-row'>
            <Text className='summary-label'>{t.phone}</Text>
            <PhoneValue phone={repair.phone} className='summary-value summary-phone' />
          </View>
        )}
        {repair.technician && <Row label={t.technician} value={repair.technician.name} />}
        <Row label={t.channel} value={messages.channels[repair.channel]} />
        <Row label={t.createdAt} value={formatWhen(repair.createdAt)} />
        {repair.completedAt && <Row label={c.completedAt} value={formatStamp(repair.completedAt)} className='summary-completed-at' />}
        {forStaff && repair.countsFor && <Row label={d.countsFor} value={repair.countsFor} className='summary-counts-for' />}
      </View>
      {showQuote && quote && (
        <View className='card quote-card'>
          <Text className='section-title'>{ui.quote.title}</Text>
          <QuoteView quote={quote} />
          {repair.acceptance && (
            <Text className='muted quote-accepted'>{`${ui.quote.acceptedAt} · ${formatWhen(repair.acceptance.at)}`}</Text>
          )}
        </View>
      )}
      {completion && (
        <View className='card completion-card'>
          <Text className='section-title'>{c.title}</Text>
          {completion.beforePhotos.length > 0 && (
            <View className='completion-photos completion-before'>
              <Text className='summary-label'>{c.before}</Text>
              <PhotoGrid links={completion.beforePhotos} />
            </View>
          )}
          {completion.afterPhotos.length > 0 && (
            <View className='completion-photos completion-after'>
              <Text className='summary-label'>{c.after}</Text>
              <PhotoGrid links={completion.afterPhotos} />
            </View>
          )}
          <Row
            label={c.materials}
            value={
              completion.materials.length > 0
                ? completion.materials.map((m) => `${fill(c.material, { name: m.name, qty: m.qty })}${m.amountFen === undefined ? '' : ` ${money(m.amountFen)}`}`).join('；')
                : c.noMaterials
            }
            className='completion-materials'
          />
          <Row label={c.amount} value={money(completion.amountFen)} className='completion-amount' />
        </View>
      )}
      {rating && (
        <View className='card rating-card'>
          <Text className='section-title'>{forStaff ? ui.rating.shownTitle : ui.rating.mine}</Text>
          <RatingView rating={rating} />
        </View>
      )}
      {repair.photos.length > 0 && (
        <View className='card'>
          <Text className='section-title'>{t.photos}</Text>
          <PhotoGrid links={repair.photos} />
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>{t.history}</Text>
        <Timeline events={repair.history} />
      </View>
    </View>
  );
}
