import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as files from '@shared/contracts/files.contract';
import ChoiceChips from '../../../components/ChoiceChips';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import PrimaryButton from '../../../components/PrimaryButton';
import SessionGate from '../../../components/SessionGate';
import StatusTag from '../../../components/StatusTag';
import { useFileGrants, useFileLog, useFileWrite, type FileView, type GrantView } from '../../../hooks/useFiles';
import type { SessionContext } from '../../../store/session.store';
import { fill } from '../../../i18n/ui.zh-CN';
import { filesUi } from '../../../i18n/files.zh-CN';
import { formatDue, formatWhen } from '../../../utils/time';
import FileCard from '../../desk/files/FileCard';
import RoomReasonForm from '../../desk/files/RoomReasonForm';
import { grantTones } from '../../desk/files/tones';
import '../../../theme/controls.css';
import '../../desk/files/index.css';
import './index.css';

const allTabs = ['requests', 'inspect', 'log'] as const;
type Tab = (typeof allTabs)[number];
/** The manager reads the requests and the log; only the supervisor reads files himself. */
const tabsOf = (role: SessionContext['role']) => (role === 'supervisor' ? allTabs : allTabs.filter((tab) => tab !== 'inspect'));
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

/** P1: the supervisor ends a grant before its time; the desk's next read is refused. */
function Revoke({ propertyId, grant, onDone }: { propertyId: string; grant: GrantView; onDone: () => void }) {
  const { busy, refusal, write } = useFileWrite();
  const revoke = async () => {
    if (await write(files.revoke, { propertyId, grantId: grant.id, version: grant.version }, filesUi.revokedDone)) onDone();
  };
  return (
    <View className='access-actions'>
      {refusal && <Text className='field-error files-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-access-revoke' busy={busy} onClick={revoke}>
        {filesUi.revoke}
      </PrimaryButton>
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
          {context.role === 'supervisor' && g.status === 'granted' && <Revoke propertyId={context.property.propertyId} grant={g} onDone={() => void refresh()} />}
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
          <Text className='access-read-line'>{r.act === 'revoke' ? fill(t.revokeLine, { reader: r.reader, holder: r.holder ?? '', room: r.roomLabel }) : fill(t.logLine, { reader: r.reader, room: r.roomLabel })}</Text>
          <Text className='muted access-read-meta'>{`${formatWhen(r.at)} · ${fill(t.logReason, { reason: r.reason })}`}</Text>
        </View>
      ))}
      <ListFooter list={list} />
    </LoadState>
  );
}

/** P1: the supervisor reads a household's file himself, with his reason (a logged read). */
function Inspect({ propertyId }: { propertyId: string }) {
  const t = filesUi;
  const [file, setFile] = useState<FileView | null>(null);
  const { busy, refusal, write } = useFileWrite();
  const inspect = async (roomId: string, reason: string) => {
    const read = await write(files.inspect, { propertyId, roomId, reason }, null);
    setFile(read);
    return read !== null;
  };
  return (
    <>
      <RoomReasonForm
        propertyId={propertyId}
        className='access-inspect'
        hint={t.inspectHint}
        textLabel={t.inspectReason}
        textPlaceholder={t.reasonPlaceholder}
        textMissing={t.needReason}
        submitLabel={t.inspect}
        busy={busy}
        refusal={refusal}
        onSubmit={inspect}
      />
      {file && (
        <View className='card access-file'>
          <Text className='access-room'>{file.roomLabel}</Text>
          <FileCard propertyId={propertyId} file={file} onChange={setFile} editable={false} />
        </View>
      )}
    </>
  );
}

function Access({ context }: { context: SessionContext }) {
  const [tab, setTab] = useState<Tab>('requests');
  const body = { requests: <Requests context={context} />, inspect: <Inspect propertyId={context.property.propertyId} />, log: <AccessLog /> };
  return (
    <>
      <ChoiceChips name='access-tab' options={tabsOf(context.role)} value={tab} label={(k) => filesUi.accessTabs[k]} onPick={setTab} />
      {body[tab]}
    </>
  );
}

/** 档案查阅: the desk's requests to read resident files, decided (and revoked) by the supervisor, his own reads, and the log of every read and revoke (P1), for him and the manager. */
export default function FileAccess() {
  return (
    <View className='page file-access'>
      <SessionGate>{(context) => <Access context={context} />}</SessionGate>
    </View>
  );
}
