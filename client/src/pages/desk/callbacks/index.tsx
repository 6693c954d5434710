import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useCallbackQueue, type CallbackKind, type CallbackView } from '../../../hooks/useCallbacks';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { callPhone } from '../../../utils/phone';
import { formatDue } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';
import RecordForm from './RecordForm';
import './index.css';

const KINDS: readonly CallbackKind[] = ['repair', 'complaint', 'routine', 'visit'];
type Tab = CallbackKind | 'all';

interface RowProps {
  item: CallbackView;
  open: boolean;
  propertyId: string;
  onOpen: () => void;
  onClose: () => void;
  onRecorded: (item: CallbackView) => void;
  onStale: (message: string) => void;
}

/** One resident to call: who, where, why, by when; the number one tap away; the result form under it. */
function CallbackRow({ item, open, propertyId, onOpen, onClose, onRecorded, onStale }: RowProps) {
  const t = ui.callbacks;
  return (
    <View id={`callback-${item.id}`} className={`card callback-row${item.overdue ? ' callback-row-overdue' : ''}`}>
      <View className='callback-row-main' onClick={onOpen}>
        <View className='callback-row-head'>
          <Text className='callback-name'>{item.residentName}</Text>
          <View className='callback-tags'>
            {item.overdue && <Text className='badge badge-urgent callback-overdue'>{t.overdue}</Text>}
            <Text className='badge badge-normal callback-kind'>{t.kinds[item.kind]}</Text>
            <Text className='badge callback-reason'>{t.reasons[item.reason]}</Text>
          </View>
        </View>
        <Text className='callback-address'>{item.address}</Text>
        <Text className={`muted callback-due${item.overdue ? ' callback-due-late' : ''}`}>{fill(t.due, { when: formatDue(item.dueAt) })}</Text>
      </View>
      <Button className='btn btn-primary btn-call' onClick={() => callPhone(item.phone)}>
        {fill(t.call, { phone: item.phone })}
      </Button>
      {open ? (
        <RecordForm item={item} propertyId={propertyId} onRecorded={onRecorded} onStale={onStale} onClose={onClose} />
      ) : (
        <Button className='btn btn-secondary btn-open-record' onClick={onOpen}>
          {t.openRecord}
        </Button>
      )}
    </View>
  );
}

/**
 * B1 R10: 小陈's callback list: the open tasks, soonest due first (overdue ones marked red), by kind;
 * a tap calls the resident, the form under the row records the result. Live on the desk's signal.
 */
export default function DeskCallbacks() {
  const t = ui.callbacks;
  const context = useReadySession();
  const { items, loading, error, refresh } = useCallbackQueue();
  const [tab, setTab] = useState<Tab>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  /** Recorded here: gone from the list at once, before the refetch confirms it. */
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(() => new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const remaining = items?.filter((item) => !recorded.has(item.id)) ?? null;
  const shown = remaining?.filter((item) => tab === 'all' || item.kind === tab) ?? null;
  const countOf = (kind: Tab) => remaining?.filter((item) => kind === 'all' || item.kind === kind).length ?? 0;

  const onRecorded = useCallback(
    (item: CallbackView) => {
      setRecorded((before) => new Set(before).add(item.id));
      setOpenId(null);
      setNotice(null);
      toastOk(ui.callbacks.recorded);
      void refresh();
    },
    [refresh],
  );
  const onStale = useCallback(
    (message: string) => {
      setNotice(message);
      toastError(message);
      void refresh();
    },
    [refresh],
  );

  const tabButton = (kind: Tab) => (
    <View
      key={kind}
      className={`chip callback-tab callback-tab-${kind}${tab === kind ? ' chip-on' : ''}`}
      onClick={() => setTab(kind)}
    >
      <Text>{fill(t.tab, { label: kind === 'all' ? t.all : t.kinds[kind], count: countOf(kind) })}</Text>
    </View>
  );

  return (
    <View className='page desk-callbacks'>
      <View className='inbox-head'>
        <Text className='title'>{t.title}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={remaining?.length === 0 ? t.empty : null}>
        <View className='chips callback-tabs'>{(['all', ...KINDS] as const).map(tabButton)}</View>
        {notice && (
          <View className='callback-notice'>
            <Text className='callback-notice-message'>{notice}</Text>
            <Text className='muted'>{t.refreshed}</Text>
          </View>
        )}
        {shown?.length === 0 && (
          <View className='empty callback-kind-empty'>
            <Text>{t.kindEmpty}</Text>
          </View>
        )}
        {shown?.map((item) => (
          <CallbackRow
            key={item.id}
            item={item}
            open={openId === item.id}
            propertyId={context?.property.propertyId ?? ''}
            onOpen={() => setOpenId(item.id)}
            onClose={() => setOpenId(null)}
            onRecorded={onRecorded}
            onStale={onStale}
          />
        ))}
      </LoadState>
    </View>
  );
}
