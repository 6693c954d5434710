import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import type { RepairStatus } from '@shared/model/repair.model';
import { useKeyWrite } from '../../../hooks/useKeys';
import { useDeskInbox, useTechnicianSuggestions } from '../../../hooks/useRepairs';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import ListFooter from '../../../components/ListFooter';
import PrimaryButton from '../../../components/PrimaryButton';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';

type Problem = keyof typeof keysUi.left.problems;

/** A technician is on his way or at work: the orders a resident may leave a key for. */
const visiting: ReadonlySet<RepairStatus> = new Set(['dispatched', 'acknowledged', 'arrived', 'rescheduling', 'quoted', 'in_progress']);

/**
 * K2: a resident's own key left at the desk for one repair and one named technician, the one the
 * order is assigned to unless the desk picks another; the repair found by its room.
 */
export default function LeaveKeyForm({ propertyId, onDone, onCancel }: { propertyId: string; onDone: () => void; onCancel: () => void }) {
  const t = keysUi.left;
  const inbox = useDeskInbox();
  const [room, setRoom] = useState('');
  const [repairId, setRepairId] = useState<string | null>(null);
  const [technicianId, setTechnicianId] = useState<string | null>(null);
  const [keysText, setKeysText] = useState('');
  const [leftBy, setLeftBy] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Problem, string>>>({});
  const { busy, send } = useKeyWrite(keys.leaveKey);
  const open = (inbox.items ?? []).filter((r) => visiting.has(r.status) && r.technician);
  const shown = open.filter((r) => r.address.includes(room.trim()));
  const repair = open.find((r) => r.id === repairId) ?? null;
  const team = useTechnicianSuggestions(repairId ?? '', repairId !== null).data?.items ?? [];
  const crew = repair?.technician && !team.some((m) => m.memberId === repair.technician?.memberId) ? [repair.technician, ...team] : team;

  const pick = (id: string) => {
    const chosen = open.find((r) => r.id === id);
    setRepairId(id);
    setProblems({});
    setTechnicianId(chosen?.technician?.memberId ?? null);
    if (chosen && !leftBy) setLeftBy(chosen.residentName);
  };

  const submit = async () => {
    if (busy) return;
    const wrong: Partial<Record<Problem, string>> = {};
    if (!repairId) wrong.repair = t.problems.repair;
    if (!technicianId) wrong.technician = t.problems.technician;
    if (!keysText.trim()) wrong.keys = t.problems.keys;
    if (!leftBy.trim()) wrong.leftBy = t.problems.leftBy;
    setProblems(wrong);
    if (Object.keys(wrong).length || !repairId || !technicianId) return;
    const res = await send({ propertyId, repairId, technicianId, keys: keysText.trim(), leftBy: leftBy.trim() });
    if (!res.ok) return toastError(res.message);
    toastOk(t.recorded);
    onDone();
  };

  return (
    <View className='card leave-key-form'>
      <Text className='section-title'>{t.formTitle}</Text>
      <LineField label={t.room} inputClass='input-left-room' value={room} maxlength={20} placeholder={t.roomPlaceholder} errorClass='error-left-room' onChange={setRoom} />
      <Text className='line-label'>{t.repair}</Text>
      {shown.length === 0 && !inbox.loading && <Text className='muted left-no-repairs'>{t.noRepairs}</Text>}
      <ChoiceChips name='left-repair' options={shown.map((r) => r.id)} value={repairId} label={(id) => repairLabel(shown.find((r) => r.id === id))} onPick={pick} />
      <ListFooter list={inbox} />
      {problems.repair && <Text className='field-error error-left-repair'>{problems.repair}</Text>}
      {repair && (
        <>
          <Text className='line-label'>{t.technician}</Text>
          <ChoiceChips name='left-technician' options={crew.map((m) => m.memberId)} value={technicianId} label={(id) => crew.find((m) => m.memberId === id)?.name ?? ''} onPick={setTechnicianId} />
        </>
      )}
      {problems.technician && <Text className='field-error error-left-technician'>{problems.technician}</Text>}
      <LineField label={t.keys} inputClass='input-left-keys' value={keysText} maxlength={60} placeholder={t.keysPlaceholder} error={problems.keys} errorClass='error-left-keys' onChange={setKeysText} />
      <LineField label={t.leftBy} inputClass='input-left-by' value={leftBy} maxlength={40} placeholder={t.leftByPlaceholder} error={problems.leftBy} errorClass='error-left-by' onChange={setLeftBy} />
      <PrimaryButton className='btn-leave-key' busy={busy} onClick={submit}>
        {t.submit}
      </PrimaryButton>
      <Button className='btn btn-secondary btn-leave-cancel' onClick={onCancel}>
        {t.cancel}
      </Button>
    </View>
  );
}

const repairLabel = (r: { address: string; description: string; technician: { name: string } | null } | undefined) =>
  r ? `${r.address} · ${r.description.slice(0, 12)} · ${r.technician?.name ?? ''}` : '';
