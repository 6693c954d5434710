import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import * as forms from '@shared/contracts/forms.contract';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import PrintButton from '../../../components/PrintButton';
import ReasonField from '../../../components/ReasonField';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { useDutyDay, useDutyWrite } from '../../../hooks/useDuty';
import { useReadySession } from '../../../hooks/useSession';
import { fill } from '../../../i18n/ui.zh-CN';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import { formatDate, formatDay, pastDays, shanghaiTime } from '../../../utils/time';
import { shiftLabel } from '../../desk/duty/labels';
import '../../../theme/controls.css';
import './index.css';

type Day = NonNullable<ReturnType<typeof useDutyDay>['data']>;

function SignPanel({ date, propertyId, onDone }: { date: string; propertyId: string; onDone: () => void }) {
  const [remarks, setRemarks] = useState('');
  const { busy, refusal, write } = useDutyWrite();
  const sign = async () => {
    if (await write(duty.signDay, { propertyId, date, remarks }, dutyUi.daySigned)) onDone();
  };
  return (
    <View className='card duty-sign'>
      <ReasonField label={dutyUi.remarks} labelClass='field-label' inputClass='duty-remarks' value={remarks} placeholder={dutyUi.remarksPlaceholder} onChange={setRemarks} />
      {refusal && <Text className='field-error duty-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-sign-day' busy={busy} onClick={sign}>
        {dutyUi.signDay}
      </PrimaryButton>
    </View>
  );
}

function DayState({ day }: { day: Day }) {
  const t = dutyUi;
  if (day.signed) return <Text className='duty-day-signed'>{fill(t.signedBy, { by: day.signed.by, when: formatStamp(day.signed.at) })}</Text>;
  if (day.flaggedAt) return <Text className='field-error duty-day-flagged'>{fill(t.flagged, { when: formatStamp(day.flaggedAt) })}</Text>;
  return <Text className='duty-day-unsigned'>{t.unsigned}</Text>;
}

/** One shift's page of the day: each entry as time, kind and what happened (with its result), one line on a phone and a row of three columns on a PC; then the handover. */
function ShiftPage({ page }: { page: Day['pages'][number] }) {
  const t = dutyUi;
  return (
    <View className='card duty-day-page'>
      <Text className='section-title'>{shiftLabel(page)}</Text>
      {page.entries.length === 0 && <Text className='empty'>{t.pageEmpty}</Text>}
      {page.entries.map((e) => (
        <View key={e.id} className={`duty-day-entry${e.needsEmergency ? ' duty-day-entry-missing' : ''}`}>
          <Text className='duty-day-time'>{`${shanghaiTime(new Date(e.at))} `}</Text>
          <Text className='duty-day-kind'>{`${t.kinds[e.kind]}${e.major ? `（${t.major}）` : ''}`}</Text>
          <Text className='duty-day-colon'>：</Text>
          <Text className='duty-day-what'>{`${e.what}${e.result ? ` → ${e.result}` : ''}`}</Text>
        </View>
      ))}
      {page.handover && (
        <Text className='muted duty-day-handover'>{`${fill(t.handoverLine, { out: page.handover.outgoing.name, in: page.handover.incoming.name })}${page.handover.late ? ` · ${t.late}` : ''}`}</Text>
      )}
    </View>
  );
}

/** D2: 刘主管 reads a day's duty log, every shift's page and handover, and signs it once every major event has its emergency record. */
export default function SupervisorDutyDay() {
  const context = useReadySession();
  const [days] = useState(() => pastDays(7));
  const [date, setDate] = useState(days[1] ?? '');
  const { data, loading, error, refresh } = useDutyDay(date);
  const reload = useCallback(() => void refresh(), [refresh]);
  const t = dutyUi;
  return (
    <View className='page duty-day'>
      <Text className='title'>{fill(t.day, { date: formatDate(date) })}</Text>
      <ChoiceChips name='duty-date' options={days} value={date} label={(day) => formatDay(day)} onPick={setDate} />
      <LoadState loading={loading} error={error} onRetry={reload}>
        {data && (
          <View className='duty-day-layout'>
            <View className='duty-day-side'>
              <View className='card duty-day-head'>
                <DayState day={data} />
                {context && <PrintButton id='print-duty-day' action={forms.dutyDay} input={{ propertyId: context.property.propertyId, date }} />}
                {data.missingEmergency > 0 && <Text className='field-error duty-missing'>{fill(t.missingEmergency, { count: data.missingEmergency })}</Text>}
              </View>
              {context?.role === 'supervisor' && !data.signed && <SignPanel key={date} date={date} propertyId={context.property.propertyId} onDone={reload} />}
            </View>
            <View className='duty-day-pages'>
              {data.pages.map((page) => (
                <ShiftPage key={page.pageId} page={page} />
              ))}
            </View>
          </View>
        )}
      </LoadState>
    </View>
  );
}
