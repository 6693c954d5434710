import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as files from '@shared/contracts/files.contract';
import ChoiceChips from '../../../components/ChoiceChips';
import ListFooter from '../../../components/ListFooter';
import LoadState from '../../../components/LoadState';
import SessionGate from '../../../components/SessionGate';
import { useFileGrants, useFileWrite } from '../../../hooks/useFiles';
import type { SessionContext } from '../../../store/session.store';
import { fill } from '../../../i18n/ui.zh-CN';
import { filesUi } from '../../../i18n/files.zh-CN';
import GrantRow from './GrantRow';
import RoomReasonForm from './RoomReasonForm';
import { toastOk } from '../../../utils/toast';
import '../../../theme/controls.css';
import './index.css';

const tabs = ['files', 'contact'] as const;
type Tab = (typeof tabs)[number];

/** P1: ask the supervisor to read a household's file, then read it from the request while the grant holds. */
function FilesTab({ propertyId }: { propertyId: string }) {
  const t = filesUi;
  const list = useFileGrants();
  const { items, loading, error, refresh } = list;
  const { busy, refusal, write } = useFileWrite();
  const ask = async (roomId: string, reason: string) => {
    const asked = await write(files.ask, { propertyId, roomId, reason }, t.asked);
    if (asked) void refresh();
    return asked !== null;
  };
  return (
    <>
      <RoomReasonForm
        propertyId={propertyId}
        className='files-ask'
        hint={t.askHint}
        textLabel={t.reason}
        textPlaceholder={t.reasonPlaceholder}
        textMissing={t.needReason}
        submitLabel={t.ask}
        busy={busy}
        refusal={refusal}
        onSubmit={ask}
      />
      <Text className='section-title files-mine'>{t.mine}</Text>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.noRequests : null}>
        {items?.map((g) => <GrantRow key={g.id} propertyId={propertyId} grant={g} onLapsed={() => void refresh()} />)}
        <ListFooter list={list} />
      </LoadState>
    </>
  );
}

/** P1: someone asks about a resident: nothing is told, the household gets a message instead. */
function ContactTab({ propertyId }: { propertyId: string }) {
  const t = filesUi;
  const { busy, refusal, write } = useFileWrite();
  const send = async (roomId: string, message: string) => {
    const sent = await write(files.contact, { propertyId, roomId, message }, null);
    if (sent) toastOk(fill(t.sent, { count: sent.told }));
    return sent !== null;
  };
  return (
    <RoomReasonForm
      propertyId={propertyId}
      className='files-contact'
      hint={t.contactHint}
      textLabel={t.message}
      textPlaceholder={t.messagePlaceholder}
      textMissing={t.needMessage}
      submitLabel={t.send}
      busy={busy}
      refusal={refusal}
      onSubmit={send}
    />
  );
}

function FilesDesk({ context }: { context: SessionContext }) {
  const [tab, setTab] = useState<Tab>('files');
  const propertyId = context.property.propertyId;
  return (
    <>
      <ChoiceChips name='files-tab' options={tabs} value={tab} label={(k) => filesUi.tabs[k]} onPick={setTab} />
      {tab === 'files' ? <FilesTab propertyId={propertyId} /> : <ContactTab propertyId={propertyId} />}
    </>
  );
}

/** 住户档案: household files read only under the supervisor's grant (P1), and residents contacted by message instead of by their details. */
export default function DeskFiles() {
  return (
    <View className='page desk-files'>
      <SessionGate>{(context) => <FilesDesk context={context} />}</SessionGate>
    </View>
  );
}
