import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as files from '@shared/contracts/files.contract';
import ChoiceChips from '../../../components/ChoiceChips';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import SessionGate from '../../../components/SessionGate';
import StatusTag from '../../../components/StatusTag';
import { useFileGrants, useFileLog, useFileWrite, type GrantView } from '../../../hooks/useFiles';
import type { SessionContext } from '../../../store/session.store';
import { fill } from '../../../i18n/ui.zh-CN';
import { filesUi } from '../../../i18n/files.zh-CN';
import { formatDue, formatWhen } from '../../../utils/time';
import { grantTones } from '../../desk/files/tones';
import '../../../theme/controls.css';
import './index.css';

const tabs = ['requests', 'log'] as const;
type Tab = (typeof tabs)[number];
const minuteOptions = ['30', '60', '120', '240'] as const;

/** P1: the supervisor lets a request be read for a while, or refuses it. */
function Decision({ propertyId, grant, onDone }: { propertyId: string; grant: GrantView; onDone: () => void }) {
  const t = filesUi;
  const [minutes, setMinutes] = useState<(typeof minuteOptions)[number]>('60');
  const { busy, refusal, write } = useFileWrite();
  const decide = async (decision: 'grant' | 'refuse') => {
    const input = { propertyId, grantId: grant.id, version: grant.version, decision, ...(decision === 'grant' ? { minutes: Number(minutes) } : {}) };
    if (await write(files.decide, input, decision === 'grant' ? t.granted : t.refused)) onDone();
  };
  return (
    <View className='access-decision'>
      <Text className='line-label'>{t.minutes}</Text>
      <ChoiceChips name={`minutes-${grant.id}`} options={minuteOptions} value={minutes} label={(m) => t.minuteOptions[m]} onPick={setMinutes} />
      {refusal && <Text className='field-error files-refusal'>{refusal}</Text>}
      <View className='access-actions'>
        <Button className='btn btn-secondary btn-access-refuse' onClick={() => void (busy || decide('refuse'))}>
          {t.refuse}
        </Button>
        <PrimaryButton className='btn-access-grant' busy={busy} onClick={() => decide('grant')}>
          {t.grant}
        </PrimaryButton>
      </View>
    </View>
  );
}

function Requests({ context }: { context: SessionContext }) {
  const t = filesUi;
  const list = useFileGrants();
  const { items, loading, error, refresh } = list;
  return (
    <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.noRequests : null}>
      {items?.map((g) => (
        <View key={g.id} id={`access-${g.id}`} className='card access-request'>
          <View className='access-head'>
            <Text className='access-room'>{g.roomLabel}</Text>
            <StatusTag tone={grantTones[g.status]} label={t.status[g.status]} className='access-status' />
          </View>
          <Text className='access-reason'>{g.reason}</Text>
          <Text className='muted access-meta'>
            {[fill(t.askedBy, { name: g.askedBy, when: formatWhen(g.createdAt) }), g.decidedBy ? fill(t.decidedBy, { name: g.decidedBy }) : null, g.status === 'granted' && g.until ? fill(t.until, { when: formatDue(g.until) }) : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {context.role === 'supervisor' && g.status === 'requested' && <Decision propertyId={context.property.propertyId} grant={g} onDone={() => void refresh()} />}
        </View>
      ))}
      <ListFooter list={list} />
    </LoadState>
  );
}

/** P1: every read of a file: who, when, which household, why. */
function AccessLog() {
  const t = filesUi;
  const list = useFileLog();
  const { items, loading, error, refresh } = list;
  return (
    <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.noLog : null}>
      {items?.map((r) => (
        <View key={r.id} className='card access-read'>
          <Text className='access-read-line'>{fill(t.logLine, { reader: r.reader, room: r.roomLabel })}</Text>
          <Text className='muted access-read-meta'>{`${formatWhen(r.at)} · ${fill(t.logReason, { reason: r.reason })}`}</Text>
        </View>
      ))}
      <ListFooter list={list} />
    </LoadState>
  );
}

function Access({ context }: { context: SessionContext }) {
  const [tab, setTab] = useState<Tab>('requests');
  return (
    <>
      <ChoiceChips name='access-tab' options={tabs} value={tab} label={(k) => filesUi.accessTabs[k]} onPick={setTab} />
      {tab === 'requests' ? <Requests context={context} /> : <AccessLog />}
    </>
  );
}

/** 档案查阅: the desk's requests to read resident files, decided by the supervisor, and the log of every read (P1), for him and the manager. */
export default function FileAccess() {
  return (
    <View className='page file-access'>
      <SessionGate>{(context) => <Access context={context} />}</SessionGate>
    </View>
  );
}
