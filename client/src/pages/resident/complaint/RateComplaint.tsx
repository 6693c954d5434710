import { useCallback, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import * as z from 'zod/mini';
import * as complaints from '@shared/contracts/complaints.contract';
import { useDraft } from '../../../hooks/useDraft';
import { useComplaintStep, type ComplaintView } from '../../../hooks/useComplaints';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import PrimaryButton from '../../../components/PrimaryButton';
import StarRating from '../../../components/StarRating';
import { residentUi } from '../../../i18n/resident.zh-CN';

const RatingDraft = z.object({ score: z.number().check(z.int(), z.gte(0), z.lte(5)), comment: z.string() });
type RatingDraft = z.infer<typeof RatingDraft>;
const noStars = (): RatingDraft => ({ score: 0, comment: '' });

interface Props {
  complaint: ComplaintView;
  propertyId: string;
  memberId: string;
  onDone: () => void;
}

/** Once answered, the resident rates how her complaint was handled: one to five stars and a word if she likes. */
export default function RateComplaint({ complaint, propertyId, memberId, onDone }: Props) {
  const askConsent = useSubscribeConsent();
  const t = residentUi.complaintRating;
  const { draft, update, clear } = useDraft(`draft.complaintRating.${propertyId}.${memberId}.${complaint.id}`, RatingDraft, noStars);
  const [missing, setMissing] = useState(false);
  const done = useCallback(() => onDone(), [onDone]);
  const { busy, problem, run } = useComplaintStep(done);

  const edit = (patch: Partial<RatingDraft>) => {
    update(patch);
    setMissing(false);
  };

  const submit = async () => {
    askConsent();
    if (busy) return;
    if (draft.score < 1) {
      setMissing(true);
      return;
    }
    const rated = await run(
      complaints.rate,
      { propertyId, complaintId: complaint.id, version: complaint.version, score: draft.score, comment: draft.comment.trim() },
      t.thanks,
    );
    if (rated) clear();
  };

  return (
    <View className='card rate-complaint'>
      <Text className='section-title'>{t.title}</Text>
      <View className='rate-row'>
        <Text className='rate-label'>{t.score}</Text>
        <StarRating className='rate-score' value={draft.score} onChange={(score: number) => edit({ score })} />
      </View>
      <Text className='rate-comment-label'>{t.comment}</Text>
      <Textarea
        className='textbox rate-comment input-complaint-rating-comment'
        value={draft.comment}
        maxlength={300}
        autoHeight
        placeholder={t.commentPlaceholder}
        onInput={(e) => edit({ comment: e.detail.value })}
      />
      {missing && <Text className='field-error error-rating'>{t.needScore}</Text>}
      {problem && <Text className='field-error step-problem'>{problem}</Text>}
      <PrimaryButton id='btn-rate-complaint' className='btn-rate-complaint' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
