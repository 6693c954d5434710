import { useCallback } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import * as forms from '@shared/contracts/forms.contract';
import type { ScreenItem } from '@shared/contracts/screening.contract';
import { useComplaintStep, useComplaint, type CaseRef, type CaseView } from '../../../hooks/useComplaints';
import { useReadySession } from '../../../hooks/useSession';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import ComplaintRating from '../../../components/ComplaintRating';
import ScreeningPanel from '../../../components/ScreeningPanel';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import PrintButton from '../../../components/PrintButton';
import Timeline from '../../../components/Timeline';
import { ui } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { caseWords } from '../../../utils/complaint-labels';
import { go, routes } from '../../../utils/routes';
import { refOf } from './case-ref';
import CaseHead from './CaseHead';
import ClassifyPanel from './ClassifyPanel';
import ComplaintFacts from './ComplaintFacts';
import GroupFacts from './GroupFacts';
import HandlingRecord from './HandlingRecord';
import ProposalCard from './ProposalCard';
import ReplyPanel from './ReplyPanel';
import SlipPanel from './SlipPanel';
import '../../../theme/controls.css';
import './index.css';

/** C4: the manager takes up a major or group complaint the same day. */
function AcknowledgeButton({ view, propertyId, onDone }: { view: CaseView; propertyId: string; onDone: () => void }) {
  const { busy, problem, run } = useComplaintStep(onDone);
  const askConsent = useSubscribeConsent();
  const acknowledge = () => {
    askConsent();
    if (busy) return;
    void run(complaints.acknowledge, { propertyId, ref: refOf(view), version: view.version }, deskUi.deskComplaint.acknowledged);
  };
  return (
    <View className='acknowledge'>
      {problem && <Text className='field-error acknowledge-problem'>{problem}</Text>}
      <PrimaryButton className='btn-acknowledge' busy={busy} onClick={acknowledge}>
        {deskUi.deskComplaint.acknowledge}
      </PrimaryButton>
    </View>
  );
}

/** Issue 13 (1.9): what the content checks held of the resident's complaint, for the desk to release or redact. */
function ComplaintScreening({ view, propertyId, onDone }: { view: CaseView & { kind: 'complaint' }; propertyId: string; onDone: () => void }) {
  const { busy, run } = useComplaintStep(onDone);
  if (!view.screening) return null;
  const decide = (item: ScreenItem, decision: 'release' | 'redact') => {
    if (busy) return;
    void run(complaints.decideContent, { propertyId, complaintId: view.id, item, decision }, ui.screening.done[decision]);
  };
  return <ScreeningPanel screening={view.screening} photos={view.photos} busy={busy} onDecide={decide} />;
}

/**
 * One complaint or group complaint at the desk: its time limit and rule (C4), the system's proposal
 * (C2 C3), and only the forms the server's `actions` allow now: classify, issue the slip (C1),
 * acknowledge (the manager, C4), reply (C5); then the record, the households of a group, and history.
 * On a wide window the forms stand in a column beside the facts, so the first one is in the first screen.
 */
export default function CaseDesk({ caseRef: ref, onChanged }: { caseRef: CaseRef; onChanged?: () => void }) {
  const context = useReadySession();
  const { data, loading, error, refresh } = useComplaint(ref);
  const reload = useCallback(() => {
    void refresh();
    onChanged?.();
  }, [refresh, onChanged]);
  const view = data?.case ?? null;
  const can = (action: string) => Boolean(view?.actions.includes(action));
  const propertyId = context?.property.propertyId ?? '';
  return (
    <LoadState loading={loading} error={error} onRetry={reload}>
      <View className='case-desk'>
        <View className='case-desk-top'>
          {view && <CaseHead view={view} />}
          {view && context && <PrintButton id='print-complaint-slip' action={forms.complaintSlip} input={{ propertyId, ref: refOf(view) }} />}
        </View>
        {view && context && (
          <View className='case-actions'>
            {view.kind === 'complaint' && <ComplaintScreening view={view} propertyId={propertyId} onDone={reload} />}
            {can('acknowledge') && <AcknowledgeButton key={`a${view.version}`} view={view} propertyId={propertyId} onDone={reload} />}
            {view.proposal && <ProposalCard proposal={view.proposal} />}
            {can('classify') && <ClassifyPanel key={`c${view.version}`} view={view} propertyId={propertyId} onDone={reload} />}
            {can('issueSlip') && <SlipPanel key={`s${view.version}`} view={view} propertyId={propertyId} onDone={reload} />}
            {can('reply') && <ReplyPanel key={`r${view.version}`} view={view} propertyId={propertyId} onDone={reload} />}
          </View>
        )}
        <View className='case-desk-facts'>
          {view && <HandlingRecord view={view} />}
          {view?.kind === 'complaint' && <ComplaintFacts complaint={view} />}
          {view?.kind === 'complaint' && view.group && (
            <Button className='btn btn-plain btn-open-group' onClick={() => go(routes.deskComplaint({ kind: 'group', id: view.group?.id ?? '' }))}>
              {deskUi.deskComplaint.openGroup}
            </Button>
          )}
          {view?.kind === 'group' && <GroupFacts group={view} />}
          {view?.kind === 'complaint' && view.rating && <ComplaintRating title={deskUi.deskComplaint.ratingTitle} rating={view.rating} />}
          {data && (
            <View className='card'>
              <Text className='section-title'>{deskUi.deskComplaint.history}</Text>
              <Timeline events={data.history} words={caseWords} />
            </View>
          )}
        </View>
      </View>
    </LoadState>
  );
}
