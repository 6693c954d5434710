import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import { useKeyWrite, useLeftKeys, type LeftKeyView } from '../../../hooks/useKeys';
import LineField from '../../../components/LineField';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';
import LeaveKeyForm from './LeaveKeyForm';

/** K2: the key handed back to the resident, by name; refused (in Chinese) until the order is signed off. */
function GiveToResident({ item, propertyId, onDone }: { item: LeftKeyView; propertyId: string; onDone: () => void }) {
  const t = keysUi.left;
  const [name, setName] = useState(item.leftBy);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, send } = useKeyWrite(keys.giveToResident);
  const submit = async () => {
    if (busy) return;
    if (!name.trim()) return setProblem(t.problems.residentName);
    const res = await send({ propertyId, leftKeyId: item.id, version: item.version, residentName: name.trim() });
    if (!res.ok) return setProblem(res.message);
    setProblem(null);
    toastOk(t.given);
    onDone();
  };
  return (
    <View className='give-resident-panel'>
      <LineField label={t.residentName} inputClass='input-resident-name' value={name} maxlength={40} placeholder={t.leftByPlaceholder} errorClass='error-resident-name' onChange={setName} />
      {problem && <Text className='field-error error-give-resident'>{problem}</Text>}
      <PrimaryButton className='btn-give-resident-confirm' busy={busy} onClick={submit}>
        {t.confirmGive}
      </PrimaryButton>
    </View>
  );
}

function LeftKeyCard({ item, propertyId, onDone }: { item: LeftKeyView; propertyId: string; onDone: () => void }) {
  const t = keysUi.left;
  const [giving, setGiving] = useState(false);
  const { busy, send } = useKeyWrite(keys.bringBackLeft);
  const bringBack = async () => {
    if (busy) return;
    const res = await send({ propertyId, leftKeyId: item.id, version: item.version });
    if (!res.ok) return toastError(res.message);
    toastOk(t.broughtBack);
    onDone();
  };
  return (
    <View id={`left-${item.id}`} className='card left-key-row'>
      <View className='key-head'>
        <Text className='key-label'>{item.roomLabel}</Text>
        <Text className={`badge ${item.status === 'out' ? 'badge-urgent' : 'badge-normal'} left-status`}>{t.status[item.status]}</Text>
      </View>
      <Text className='left-description'>{item.description}</Text>
      <Text className='muted left-who'>{fill(t.who, { by: item.leftBy, technician: item.technician, receivedBy: item.receivedBy })}</Text>
      {item.returnedTo && <Text className='muted left-returned-to'>{fill(t.returnedTo, { name: item.returnedTo })}</Text>}
      {item.status === 'out' && (
        <PrimaryButton className='btn-bring-back' busy={busy} onClick={bringBack}>
          {t.bringBack}
        </PrimaryButton>
      )}
      {(item.status === 'held' || item.status === 'back') &&
        (giving ? (
          <GiveToResident item={item} propertyId={propertyId} onDone={onDone} />
        ) : (
          <Button className='btn btn-secondary btn-give-resident' onClick={() => setGiving(true)}>
            {t.giveToResident}
          </Button>
        ))}
    </View>
  );
}

/** K2: residents' keys at the desk for a technician's visit, recorded here, taken back, and handed back to the resident. */
export default function LeftKeysTab({ propertyId }: { propertyId: string }) {
  const list = useLeftKeys();
  const [recording, setRecording] = useState(false);
  const { items, loading, error, refresh } = list;
  return (
    <>
      {recording ? (
        <LeaveKeyForm
          propertyId={propertyId}
          onCancel={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            void refresh();
          }}
        />
      ) : (
        <Button className='btn btn-secondary btn-record-left' onClick={() => setRecording(true)}>
          {keysUi.left.record}
        </Button>
      )}
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? keysUi.left.empty : null}>
        {items?.map((item) => <LeftKeyCard key={`${item.id}-${item.version}`} item={item} propertyId={propertyId} onDone={() => void refresh()} />)}
        <ListFooter list={list} />
      </LoadState>
    </>
  );
}
