import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as z from 'zod/mini';
import * as repairs from '@shared/contracts/repairs.contract';
import { maxLengthOf } from '@shared/contracts/field-errors';
import { useDraft } from '../../../hooks/useDraft';
import { useRepairStep } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import LimitedText from '../../../components/LimitedText';
import PrimaryButton from '../../../components/PrimaryButton';
import StarRating from '../../../components/StarRating';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { ui } from '../../../i18n/ui.zh-CN';

const RatingDraft = z.object({ quality: z.number().check(z.int(), z.gte(0), z.lte(5)), attitude: z.number().check(z.int(), z.gte(0), z.lte(5)), comment: z.string() });
type RatingDraft = z.infer<typeof RatingDraft>;
const noStars = (): RatingDraft => ({ quality: 0, attitude: 0, comment: '' });
const COMMENT_LIMIT = maxLengthOf(repairs.rate.input.shape.rating, 'comment') ?? 0;
/** 满意: full marks on both, in one tap (issue 18, 3). */
const FULL = 5;

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  memberId: string;
  onDone: () => void;
  /** She is changing a rating she gave: she may keep it instead. */
  onCancel?: () => void;
}

/**
 * R7: the resident rates from their own phone (within 7 days): 满意 in one tap (both full marks,
 * sent at once), or two rows of stars, a word if she likes, and the submit, all on one screen
 * (issue 18, 3). Stars given on the technician's phone at the sign-off, or her own, can be replaced here.
 */
export default function RateRepair({ repair, propertyId, memberId, onDone, onCancel }: Props) {
  const askConsent = useSubscribeConsent();
  const t = ui.rating;
  const { draft, update, clear } = useDraft(`draft.rating.${propertyId}.${memberId}.${repair.id}`, RatingDraft, noStars);
  const [missing, setMissing] = useState(false);
  const done = useCallback(() => onDone(), [onDone]);
  const { busy, run } = useRepairStep(done);

  const edit = (patch: Partial<RatingDraft>) => {
    update(patch);
    setMissing(false);
  };

  const send = async (quality: number, attitude: number) => {
    askConsent();
    if (busy) return;
    const rated = await run(
      repairs.rate,
      { propertyId, repairId: repair.id, version: repair.version, rating: { quality, attitude, comment: draft.comment.trim() } },
      t.thanks,
    );
    if (rated) clear();
  };

  const submit = async () => {
    const { quality, attitude } = draft;
    if (quality < 1 || attitude < 1) {
      setMissing(true);
      return;
    }
    await send(quality, attitude);
  };

  return (
    <View className='card rate-repair'>
      <Text className='section-title'>{t.title}</Text>
      {repair.rating && <Text className='muted rate-replace-hint'>{t.replaceHint}</Text>}
      <PrimaryButton id='btn-rate-satisfied' className='btn-rate-satisfied' busy={busy} onClick={() => send(FULL, FULL)}>
        {t.satisfied}
      </PrimaryButton>
      <Text className='muted rate-satisfied-hint'>{t.satisfiedHint}</Text>
      <View className='rate-row'>
        <Text className='rate-label'>{t.quality}</Text>
        <StarRating className='rate-quality' value={draft.quality} onChange={(quality: number) => edit({ quality })} />
      </View>
      <View className='rate-row'>
        <Text className='rate-label'>{t.attitude}</Text>
        <StarRating className='rate-attitude' value={draft.attitude} onChange={(attitude: number) => edit({ attitude })} />
      </View>
      <Text className='rate-label rate-comment-label'>{t.comment}</Text>
      <LimitedText
        className='textbox rate-comment input-rating-comment'
        value={draft.comment}
        limit={COMMENT_LIMIT}
        placeholder={t.commentPlaceholder}
        onInput={(comment) => edit({ comment })}
      />
      {missing && <Text className='field-error error-rating'>{t.needStars}</Text>}
      <PrimaryButton id='btn-submit-rating' className='btn-submit-rating' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.submit}
      </PrimaryButton>
      {onCancel && (
        <Button className='btn btn-plain btn-keep-rating' onClick={onCancel}>
          {t.keep}
        </Button>
      )}
    </View>
  );
}
