import { useCallback } from 'react';
import { Button, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import * as forms from '@shared/contracts/forms.contract';
import type { ScreenItem } from '@shared/contracts/screening.contract';
import { useRepair, useRepairStep } from '../../../hooks/useRepairs';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import PrintButton from '../../../components/PrintButton';
import RepairSummary from '../../../components/RepairSummary';
import ScreeningPanel from '../../../components/ScreeningPanel';
import { ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import DispatchPanel from './DispatchPanel';
import OverridePanel from './OverridePanel';
import ReschedulePanel from './ReschedulePanel';
import '../../../theme/controls.css';
import './desk.css';

interface Props {
  repairId: string;
  /** After a change made here (dispatched, rescheduled, …), for a list shown beside it. */
  onChanged?: () => void;
}

/**
 * A repair as the desk sees it: everything recorded on it (quote, completion, rating, blocker, R9
 * due time), and what the desk may do now, as the server's `actions` say: dispatch or reassign (R4),
 * reschedule (R5), override the triage (R3), clear a blocker (R9), open a send-back for review (R11);
 * and first, what the content checks held of the resident's text and photos (issue 13, 1.9).
 * What was reported comes first, then what to do with it; side by side on a wide window. Its own
 * page on a phone; beside the queue on a wide window (desk/inbox).
 */
export default function RepairDesk({ repairId, onChanged }: Props) {
  const context = useReadySession();
  const { data, loading, error, refresh } = useRepair(repairId);
  const reload = useCallback(() => {
    void refresh();
    onChanged?.();
  }, [refresh, onChanged]);
  const step = useRepairStep(reload);
  const can = (action: string) => Boolean(data?.actions.includes(action));
  const propertyId = context?.property.propertyId ?? '';

  const decide = (item: ScreenItem, decision: 'release' | 'redact') => {
    if (!data || step.busy) return;
    void step.run(repairs.decideContent, { propertyId, repairId: data.id, item, decision }, ui.screening.done[decision]);
  };

  const clearBlocker = () => {
    if (!data || step.busy) return;
    void step.run(repairs.clearBlocker, { propertyId, repairId: data.id, version: data.version }, ui.deskRepair.blockerCleared);
  };

  return (
    <View className='desk-repair-body'>
      <LoadState loading={loading} error={error} onRetry={reload}>
        {data && context && (
          <View className='desk-repair-layout'>
            <RepairSummary
              repair={data}
              forStaff
              blockerAction={
                can('clearBlocker') ? (
                  <PrimaryButton id='btn-clear-blocker' className='btn-clear-blocker' busy={step.busy} onClick={clearBlocker}>
                    {ui.deskRepair.clearBlocker}
                  </PrimaryButton>
                ) : null
              }
            />
            <View className='desk-actions'>
              {data.screening && <ScreeningPanel screening={data.screening} photos={data.photos} busy={step.busy} onDecide={decide} />}
              {can('reschedule') && <ReschedulePanel key={`r${data.version}`} repair={data} propertyId={propertyId} onDone={reload} />}
              {can('dispatch') && (
                <DispatchPanel key={`d${data.version}`} repair={data} propertyId={propertyId} onDone={reload} folded={can('reschedule')} />
              )}
              {can('reassign') && (
                <DispatchPanel key={`a${data.version}`} repair={data} propertyId={propertyId} onDone={reload} mode='reassign' folded />
              )}
              {(can('approveSendBack') || can('rejectSendBack')) && (
                <Button className='btn btn-primary btn-open-review' onClick={() => go(routes.supervisorSendBacks)}>
                  {ui.deskRepair.reviewSendBack}
                </Button>
              )}
              {can('overridePriority') && <OverridePanel key={`o${data.version}`} repair={data} propertyId={propertyId} onDone={reload} />}
              <PrintButton id='print-work-order' action={forms.workOrder} input={{ propertyId, repairId: data.id }} />
            </View>
          </View>
        )}
      </LoadState>
    </View>
  );
}
