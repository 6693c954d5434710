import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import * as forms from '@shared/contracts/forms.contract';
import LoadState from '../../../components/LoadState';
import PrintButton from '../../../components/PrintButton';
import SessionGate from '../../../components/SessionGate';
import { useDutyPage, useDutyWrite, type DutyPage } from '../../../hooks/useDuty';
import type { SessionContext } from '../../../store/session.store';
import { fill } from '../../../i18n/ui.zh-CN';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import EntryCard from './EntryCard';
import EntryForm from './EntryForm';
import HandoverCard from './HandoverCard';
import HandoverForm from './HandoverForm';
import ProposalCard from './ProposalCard';
import { shiftLabel } from './labels';
import '../../../theme/controls.css';
import './index.css';

function PageBody({ page, context, reload }: { page: DutyPage; context: SessionContext; reload: () => void }) {
  const t = dutyUi;
  const propertyId = context.property.propertyId;
  const desk = context.role === 'desk' || context.role === 'supervisor';
  const { busy, write } = useDutyWrite();
  const [signedInto, setSignedInto] = useState<string | null>(null);
  const signIn = async () => {
    const into = await write(duty.signIn, { propertyId }, t.signedInOk);
    if (into) setSignedInto(shiftLabel(into));
    reload();
  };
  const at = { propertyId, pageId: page.pageId, version: page.version };
  return (
    <>
      <View className='card duty-head'>
        <View className='duty-head-text'>
          <Text className='title duty-shift'>{shiftLabel(page)}</Text>
          <Text className='muted duty-signed-in'>{page.signedIn.length ? fill(t.signedIn, { names: page.signedIn.map((s) => s.name).join('、') }) : t.nobodySignedIn}</Text>
          {signedInto && <Text className='duty-signed-into'>{fill(t.signedInto, { shift: signedInto })}</Text>}
        </View>
        <View className='duty-head-actions'>
          <PrintButton id='print-duty-day' action={forms.dutyDay} input={{ propertyId, date: page.date }} />
          {context.role === 'desk' && (
            <Button className={`btn btn-plain btn-sign-in${busy ? ' btn-busy' : ''}`} onClick={() => void signIn()}>
              {t.signIn}
            </Button>
          )}
        </View>
      </View>
      <View className='duty-side'>
        <Text className='section-title'>{t.proposals}</Text>
        {page.proposals.length === 0 && <Text className='empty duty-proposals-empty'>{t.proposalsEmpty}</Text>}
        {desk && page.proposals.map((p) => <ProposalCard key={`${p.source.kind}-${p.source.id}`} proposal={p} propertyId={propertyId} onDone={reload} />)}
        {desk && <EntryForm propertyId={propertyId} onDone={reload} />}
      </View>
      <View className='duty-main'>
        <Text className='section-title duty-entries-title'>{fill(t.entries, { count: page.entries.length })}</Text>
        {page.entries.length === 0 && <Text className='empty'>{t.entriesEmpty}</Text>}
        {page.entries.map((e) => (
          <EntryCard key={e.id} entry={e} page={at} editable={desk && !page.daySigned} uploadPrefix={context.uploadPrefix} onDone={reload} />
        ))}
        {page.handover && <HandoverCard handover={page.handover} propertyId={propertyId} onDone={reload} />}
        {!page.handover && context.role === 'desk' && <HandoverForm key={page.pageId} page={page} propertyId={propertyId} me={context.memberId} onDone={reload} />}
      </View>
    </>
  );
}

function DutyDesk({ context }: { context: SessionContext }) {
  const { data, loading, error, refresh } = useDutyPage();
  const reload = useCallback(() => void refresh(), [refresh]);
  return (
    <LoadState loading={loading} error={error} onRetry={reload}>
      {data && (
        <View className='duty-layout'>
          <PageBody key={data.pageId} page={data} context={context} reload={reload} />
        </View>
      )}
    </LoadState>
  );
}

/** 值班记录: the page of the shift on duty (D1), its proposed events, and the handover at the shift change (D3). */
export default function DeskDuty() {
  return (
    <View className='page desk-duty'>
      <SessionGate>{(context) => <DutyDesk context={context} />}</SessionGate>
    </View>
  );
}
