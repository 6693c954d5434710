import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import { checkClassification, majorFacts } from '@shared/domain/complaint-class.rules';
import { complaintErrors } from '@shared/messages/complaints.zh-CN';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { ComplaintClass, Jurisdiction, Severity } from '@shared/model/complaint.model';
import { useComplaintStep, type CaseView } from '../../../hooks/useComplaints';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import CheckItem from '../../../components/CheckItem';
import ChoiceChips from '../../../components/ChoiceChips';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { refOf } from './case-ref';

const classes: readonly ComplaintClass[] = ['responsible', 'non_responsible', 'assistance'];
const severities: readonly Severity[] = ['major', 'general'];
const jurisdictions: readonly Jurisdiction[] = ['inside', 'outside'];

interface Props {
  view: CaseView;
  propertyId: string;
  onDone: () => void;
}

/**
 * C2 C3: the desk's class: responsible (major or general), non-responsible, or assistance (inside or
 * outside the jurisdiction), starting from the class given or the system's proposal; the two major
 * criteria only a person can know; the apology on the department's behalf (C1) if not yet made.
 */
export default function ClassifyPanel({ view, propertyId, onDone }: Props) {
  const askConsent = useSubscribeConsent();
  const t = deskUi.deskComplaint;
  const start = view.classification ?? view.proposal;
  const [open, setOpen] = useState(view.classification === null);
  const [chosen, setChosen] = useState<ComplaintClass | null>(start?.class ?? null);
  const [severity, setSeverity] = useState<Severity | null>(start?.severity ?? null);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction | null>(start?.jurisdiction ?? null);
  const [governmentOrMedia, setGovernmentOrMedia] = useState(view.governmentOrMedia);
  const [injuryOrLoss, setInjuryOrLoss] = useState(view.injuryOrLoss);
  const needsApology = view.kind === 'complaint' && view.apology === null;
  const [apologised, setApologised] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const { busy, problem, run } = useComplaintStep(onDone);

  if (!open) {
    return (
      <Button className='btn btn-secondary btn-reclassify' onClick={() => setOpen(true)}>
        {t.reclassify}
      </Button>
    );
  }

  const submit = async () => {
    askConsent();
    if (busy) return;
    if (!chosen) return setMissing(t.needClass);
    const choice = { class: chosen, severity: chosen === 'responsible' ? severity : null, jurisdiction: chosen === 'assistance' ? jurisdiction : null };
    const known = { repeatOf: view.kind === 'complaint' ? view.repeatOf : null, grouped: view.kind === 'group', recorded: view.classification?.reasons ?? [] };
    const refused = checkClassification(choice, majorFacts(known, { governmentOrMedia, injuryOrLoss }));
    if (refused) return setMissing(complaintErrors[refused]);
    if (needsApology && !apologised) return setMissing(complaintErrors['COMPLAINT.APOLOGY_REQUIRED']);
    await run(
      complaints.classify,
      {
        propertyId,
        ref: refOf(view),
        version: view.version,
        ...choice,
        governmentOrMedia,
        injuryOrLoss,
        apologised: needsApology ? apologised : view.kind === 'complaint',
        note: note.trim(),
      },
      t.classified,
    );
  };

  const picked = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setMissing(null);
  };

  return (
    <View className='card classify-panel'>
      <Text className='section-title'>{t.classifyTitle}</Text>
      <Text className='desk-label'>{t.classLabel}</Text>
      <ChoiceChips options={classes} value={chosen} label={(c) => messages.complaintClasses[c]} name='class' onPick={picked(setChosen)} />
      {chosen === 'responsible' && (
        <>
          <Text className='desk-label'>{t.severityLabel}</Text>
          <ChoiceChips options={severities} value={severity} label={(s) => messages.severities[s]} name='severity' onPick={picked(setSeverity)} />
        </>
      )}
      {chosen === 'assistance' && (
        <>
          <Text className='desk-label'>{t.jurisdictionLabel}</Text>
          <ChoiceChips
            options={jurisdictions}
            value={jurisdiction}
            label={(j) => messages.jurisdictions[j]}
            name='jurisdiction'
            onPick={picked(setJurisdiction)}
          />
        </>
      )}
      <Text className='desk-label'>{t.facts}</Text>
      <CheckItem checked={governmentOrMedia} label={t.governmentOrMedia} className='check-government-media' onChange={setGovernmentOrMedia} />
      <CheckItem checked={injuryOrLoss} label={t.injuryOrLoss} className='check-injury-loss' onChange={setInjuryOrLoss} />
      {needsApology && <CheckItem checked={apologised} label={t.apologyCheck} className='check-apologised' onChange={picked(setApologised)} />}
      <ReasonField
        label={t.note}
        labelClass='desk-label'
        inputClass='desk-textarea input-classify-note'
        maxlength={500}
        value={note}
        placeholder={t.notePlaceholder}
        onChange={setNote}
      />
      {(missing ?? problem) && <Text className='field-error classify-problem'>{missing ?? problem}</Text>}
      <PrimaryButton className='btn-classify' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.classify}
      </PrimaryButton>
    </View>
  );
}
