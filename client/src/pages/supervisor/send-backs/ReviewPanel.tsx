import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { isSignature } from '@shared/domain/signature.rules';
import { useRepairStep, type RepairView } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import SignaturePad, { type SignatureValue } from '../../../components/SignaturePad';
import { uploadSignature } from '../../../components/SignaturePad/upload';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

const MIN_OPINION = 2;
type Decision = 'approve' | 'reject';
type Problem = 'decision' | 'opinion' | 'signature' | 'upload';

interface Props {
  repair: RepairView;
  propertyId: string;
  uploadPrefix: string;
  onDone: () => void;
}

/** R11: the supervisor approves (it rolls into next month) or rejects a sent-back order, with a signed opinion. */
export default function ReviewPanel({ repair, propertyId, uploadPrefix, onDone }: Props) {
  const askConsent = useSubscribeConsent();
  const t = supervisorUi.supervisor;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [opinion, setOpinion] = useState('');
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [uploading, setUploading] = useState(false);
  /** The signature already uploaded as drawn, so a retry after a failed review does not upload it again. */
  const uploaded = useRef<{ signature: SignatureValue; fileId: string } | null>(null);
  const { busy, run } = useRepairStep(onDone);
  const working = busy || uploading;

  const messageOf: Record<Problem, string> = {
    decision: t.chooseDecision,
    opinion: t.opinionRequired,
    signature: t.signatureRequired,
    upload: t.signatureFailed,
  };

  const submit = async () => {
    askConsent();
    if (working) return;
    const typed = opinion.trim();
    if (!decision) return setProblem('decision');
    if (typed.length < MIN_OPINION) return setProblem('opinion');
    if (!signature || !isSignature(signature.strokes)) return setProblem('signature');
    let fileId = uploaded.current?.signature === signature ? uploaded.current.fileId : null;
    if (!fileId) {
      setUploading(true);
      fileId = await uploadSignature(signature, uploadPrefix);
      setUploading(false);
      if (!fileId) return setProblem('upload');
      uploaded.current = { signature, fileId };
    }
    await run(
      repairs.reviewSendBack,
      { propertyId, repairId: repair.id, version: repair.version, approve: decision === 'approve', opinion: typed, signature: fileId },
      decision === 'approve' ? t.approved : t.rejected,
    );
  };

  const choice = (value: Decision, label: string, hint: string) => (
    <View
      id={`decision-${value}-${repair.id}`}
      className={`chip review-decision decision-${value}${decision === value ? ' chip-on' : ''}`}
      onClick={() => {
        setDecision(value);
        setProblem(null);
      }}
    >
      <Text className='decision-label'>{label}</Text>
      <Text className='muted decision-hint'>{hint}</Text>
    </View>
  );

  return (
    <View className='review-panel'>
      <View className='chips review-decisions'>
        {choice('approve', t.approve, t.approveHint)}
        {choice('reject', t.reject, t.rejectHint)}
      </View>
      <ReasonField
        label={t.opinion}
        labelClass='review-label'
        inputClass='review-opinion input-opinion'
        value={opinion}
        placeholder={t.opinionPlaceholder}
        onChange={(value) => {
          setOpinion(value);
          setProblem(null);
        }}
      />
      <Text className='review-label'>{t.signature}</Text>
      <SignaturePad
        className='review-signature'
        onChange={(next: SignatureValue) => {
          setSignature(next);
          setProblem(null);
        }}
      />
      {problem && <Text className={`field-error review-problem problem-${problem}`}>{messageOf[problem]}</Text>}
      <PrimaryButton className='btn-submit-review' busy={working} onClick={submit}>
        {working ? t.submitting : t.submit}
      </PrimaryButton>
    </View>
  );
}
