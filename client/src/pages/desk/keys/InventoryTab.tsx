import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as keys from '@shared/contracts/keys.contract';
import * as forms from '@shared/contracts/forms.contract';
import { inventoryMonth } from '@shared/domain/key.rules';
import { useInventory, useKeyWrite, type InventoryView } from '../../../hooks/useKeys';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import PrintButton from '../../../components/PrintButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { keysUi } from '../../../i18n/keys.zh-CN';
import { formatWhen } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

type Row = InventoryView['rows'][number];

/** "2026-12" → "2026-11": the month before, whose report may still wait for its signature. */
const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** K3: one kind's count on the 25th–27th; the register's count is the server's, a difference is explained. */
function CountRow({ row, propertyId, canCount, onSaved }: { row: Row; propertyId: string; canCount: boolean; onSaved: () => void }) {
  const t = keysUi.inventory;
  const [counted, setCounted] = useState(row.counted === null ? '' : String(row.counted));
  const [explanation, setExplanation] = useState(row.explanation);
  const [problem, setProblem] = useState<string | undefined>();
  const { busy, send } = useKeyWrite(keys.count);

  const save = async () => {
    if (busy) return;
    if (!/^\d{1,5}$/.test(counted.trim())) return setProblem(t.badCount);
    setProblem(undefined);
    const res = await send({ propertyId, kind: row.kind, counted: Number(counted.trim()), explanation: explanation.trim() });
    if (!res.ok) return toastError(res.message);
    toastOk(t.saved);
    onSaved();
  };

  return (
    <View id={`count-${row.kind}`} className={`card count-row${row.counted !== null && row.counted !== row.expected ? ' count-differs' : ''}`}>
      <View className='key-head'>
        <Text className='key-label'>{keysUi.kinds[row.kind]}</Text>
        <Text className='muted count-expected'>{fill(t.expected, { n: row.expected })}</Text>
      </View>
      {row.countedBy && <Text className='muted count-by'>{fill(t.countedBy, { by: row.countedBy })}</Text>}
      {canCount ? (
        <>
          <LineField label={t.counted} inputClass={`input-count-${row.kind}`} type='number' value={counted} maxlength={5} placeholder='' error={problem} errorClass='error-count' onChange={setCounted} />
          <LineField label={t.explanation} inputClass={`input-explain-${row.kind}`} value={explanation} maxlength={200} placeholder={t.explanationPlaceholder} errorClass='error-explain' onChange={setExplanation} />
          <PrimaryButton className={`btn-count btn-count-${row.kind}`} busy={busy} onClick={save}>
            {t.save}
          </PrimaryButton>
        </>
      ) : (
        row.counted !== null && <Text className='count-result'>{`${t.counted} ${row.counted}${row.explanation ? ` · ${row.explanation}` : ''}`}</Text>
      )}
    </View>
  );
}

/** K3: this month's inventory: the desk counts on the 25th–27th; the supervisor signs the report from the 28th. */
export default function InventoryTab({ context }: { context: SessionContext }) {
  const t = keysUi.inventory;
  const [months] = useState(() => [inventoryMonth(new Date()), previousMonth(inventoryMonth(new Date()))]);
  const [month, setMonth] = useState(months[0] ?? '');
  const { data, loading, error, refresh } = useInventory(month);
  const { busy, send } = useKeyWrite(keys.signInventory);
  const propertyId = context.property.propertyId;

  const sign = async () => {
    if (busy || !data) return;
    const res = await send({ propertyId, month, version: data.version });
    if (!res.ok) return toastError(res.message);
    toastOk(keysUi.deposits.signedOk);
    void refresh();
  };

  return (
    <>
      <ChoiceChips name='inventory-month' options={months} value={month} label={(m) => fill(t.monthChip, { m: Number(m.slice(5)) })} onPick={setMonth} />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()}>
        {data && (
          <>
            <View className='card inventory-head'>
              <Text className='section-title'>{fill(t.month, { month })}</Text>
              <Text className='muted inventory-phase'>{t.phase[data.phase]}</Text>
              {data.status !== 'not_started' && <PrintButton id='print-inventory' action={forms.keyInventory} input={{ propertyId, month }} />}
              {data.signed && <Text className='inventory-signed'>{fill(t.signed, { by: data.signed.by, at: formatWhen(data.signed.at) })}</Text>}
            </View>
            {data.rows.map((row) => (
              <CountRow key={`${row.kind}:${row.counted ?? ''}`} row={row} propertyId={propertyId} canCount={data.phase === 'counting' && data.status !== 'signed'} onSaved={() => void refresh()} />
            ))}
            {context.role === 'supervisor' && data.phase === 'report' && data.status === 'counting' && (
              <PrimaryButton className='btn-sign-inventory' busy={busy} onClick={sign}>
                {t.sign}
              </PrimaryButton>
            )}
          </>
        )}
      </LoadState>
    </>
  );
}
