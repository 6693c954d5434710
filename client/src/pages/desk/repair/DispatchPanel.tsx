import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { call } from '../../../api';
import { useTechnicianSuggestions } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';
import { suggestionReason } from '@shared/messages/suggestion-reason';

const MIN_REASON = 2;

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  onDone: () => void;
  /**
   * dispatch: the order waits for a technician. reassign: it is out with one already, and changing
   * him needs a reason. The server decides which it is from the status; the contract is the same.
   */
  mode?: 'dispatch' | 'reassign';
  /** Start folded behind one button (reassigning, or dispatching anew while rescheduling). */
  folded?: boolean;
}

/** R4 dispatch: the best-suited technician is already chosen, so one tap sends the work order. */
export default function DispatchPanel({ repair, propertyId, onDone, mode = 'dispatch', folded = false }: Props) {
  const askConsent = useSubscribeConsent();
  const [open, setOpen] = useState(!folded);
  const suggestions = useTechnicianSuggestions(repair.id, open);
  const items = suggestions.data?.items ?? null;
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [sending, setSending] = useState(false);
  const reassign = mode === 'reassign';
  const currentId = repair.technician?.memberId ?? null;
  const fallback = items?.find((s) => s.memberId !== currentId) ?? items?.[0] ?? null;
  const chosen = items?.find((s) => s.memberId === chosenId) ?? fallback;
  const t = ui.desk;
  const r = ui.deskRepair;

  if (!open) {
    return (
      <Button className='btn btn-secondary btn-reassign' onClick={() => setOpen(true)}>
        {reassign ? `${r.reassign} · ${r.reassignHint}` : r.reassignHint}
      </Button>
    );
  }

  const dispatch = async () => {
    askConsent();
    if (!chosen || sending) return;
    const typed = reason.trim();
    if (reassign && typed.length < MIN_REASON) {
      setReasonError(true);
      return;
    }
    setSending(true);
    const res = await call(repairs.dispatch, {
      propertyId,
      repairId: repair.id,
      version: repair.version,
      technicianId: chosen.memberId,
      reason: reassign ? typed : suggestionReason(chosen),
    });
    setSending(false);
    if (res.ok) {
      toastOk(fill(reassign ? r.reassigned : t.dispatched, { name: chosen.name }));
    } else {
      toastError(res.message);
    }
    onDone();
  };

  return (
    <View className={`card dispatch-panel${reassign ? ' reassign-panel' : ''}`}>
      <Text className='section-title'>{reassign ? r.reassign : t.dispatchTitle}</Text>
      <LoadState
        loading={suggestions.loading}
        error={suggestions.error}
        onRetry={() => void suggestions.refresh()}
        empty={items?.length === 0 ? t.noTechnicians : null}
      >
        {items?.map((s) => (
          <View
            key={s.memberId}
            id={`tech-${s.memberId}`}
            className={`tech-option${chosen?.memberId === s.memberId ? ' tech-on' : ''}`}
            onClick={() => setChosenId(s.memberId)}
          >
            <View className='tech-head'>
              <Text className='tech-name'>{s.name}</Text>
              {s.memberId === currentId && <Text className='badge badge-normal tech-current'>{r.currentTechnician}</Text>}
              {s.skillMatch && <Text className='badge tech-match'>{t.skillMatch}</Text>}
              <Text className='muted'>{fill(t.openOrders, { count: s.openOrders })}</Text>
            </View>
            <Text className='muted tech-skills'>{s.skills.map((k) => t.skills[k]).join('、')}</Text>
            <Text className='tech-reason'>{suggestionReason(s)}</Text>
          </View>
        ))}
        {reassign && (
          <View className='reassign-reason'>
            <ReasonField
              label={r.reassignReason}
              labelClass='desk-label'
              inputClass='desk-textarea input-reassign-reason'
              value={reason}
              placeholder={r.reassignReasonPlaceholder}
              error={reasonError ? r.reassignNeedsReason : null}
              errorClass='error-reassign-reason'
              onChange={(value) => {
                setReason(value);
                setReasonError(false);
              }}
            />
          </View>
        )}
        {chosen && (
          <PrimaryButton id='btn-dispatch' className='btn-dispatch' busy={sending} onClick={dispatch}>
            {sending ? t.dispatching : fill(reassign ? r.reassignTo : t.dispatchTo, { name: chosen.name })}
          </PrimaryButton>
        )}
      </LoadState>
    </View>
  );
}
