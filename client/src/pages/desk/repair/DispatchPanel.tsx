import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { call } from '../../../api';
import { useTechnicianSuggestions } from '../../../hooks/useRepairs';
import LoadState from '../../../components/LoadState';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  onDone: () => void;
}

/** R4 dispatch: the best-suited technician is already chosen, so one tap sends the work order. */
export default function DispatchPanel({ repair, propertyId, onDone }: Props) {
  const suggestions = useTechnicianSuggestions(repair.id, true);
  const items = suggestions.data?.items ?? null;
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const chosen = items?.find((s) => s.memberId === chosenId) ?? items?.[0] ?? null;
  const t = ui.desk;

  const dispatch = async () => {
    if (!chosen || sending) return;
    setSending(true);
    const res = await call(repairs.dispatch, {
      propertyId,
      repairId: repair.id,
      version: repair.version,
      technicianId: chosen.memberId,
      reason: chosen.reason,
    });
    setSending(false);
    if (res.ok) {
      toastOk(fill(t.dispatched, { name: chosen.name }));
    } else {
      toastError(res.message);
    }
    onDone();
  };

  return (
    <View className='card dispatch-panel'>
      <Text className='section-title'>{t.dispatchTitle}</Text>
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
              {s.skillMatch && <Text className='badge tech-match'>{t.skillMatch}</Text>}
              <Text className='muted'>{fill(t.openOrders, { count: s.openOrders })}</Text>
            </View>
            <Text className='muted tech-skills'>{s.skills.map((k) => t.skills[k]).join('、')}</Text>
            <Text className='tech-reason'>{s.reason}</Text>
          </View>
        ))}
        {chosen && (
          <Button
            id='btn-dispatch'
            className={`btn btn-primary btn-dispatch${sending ? ' btn-busy' : ''}`}
            onClick={() => void dispatch()}
          >
            {sending ? t.dispatching : fill(t.dispatchTo, { name: chosen.name })}
          </Button>
        )}
      </LoadState>
    </View>
  );
}
