import { useCallback, useState } from 'react';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../../../components/Icon';
import PhoneValue from '../../../components/PhoneValue';
import PrintButton from '../../../components/PrintButton';
import * as forms from '@shared/contracts/forms.contract';
import { Button, Text, View } from '@tarojs/components';
import type { Role } from '@shared/model/member.model';
import { useCallbackQueue, type CallbackKind, type CallbackView } from '../../../hooks/useCallbacks';
import { useReadySession } from '../../../hooks/useSession';
import { useWideWindow } from '../../../hooks/useWideWindow';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { callPhone } from '../../../utils/phone';
import { go, routes } from '../../../utils/routes';
import { formatDue } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';
import RaiseComplaintForm from './RaiseComplaintForm';
import RecordForm from './RecordForm';
import '../../../theme/controls.css';
import './index.css';

const KINDS: readonly CallbackKind[] = ['repair', 'complaint', 'routine', 'visit'];
type Tab = CallbackKind | 'all';
type Form = 'record' | 'raise';

interface RowProps {
  item: CallbackView;
  role: Role;
  open: Form | null;
  propertyId: string;
  uploadPrefix: string;
  /** B3: the complaint raised from this callback, here or before. */
  complaintId: string | null;
  onOpen: (form: Form) => void;
  onClose: () => void;
  onRecorded: (item: CallbackView) => void;
  onRaised: (complaintId: string) => void;
  onStale: (message: string) => void;
}

/**
 * One resident to call: who, where, why, by when; the number one tap away (on a PC window, where nothing dials,
 * shown with 复制 as on the desk's repair); the result form under it,
 * and 转为投诉 for a problem they raise (B3). C7: a major complaint's callback is the manager's.
 */
function CallbackRow({ item, role, open, propertyId, uploadPrefix, complaintId, onOpen, onClose, onRecorded, onRaised, onStale }: RowProps) {
  const t = ui.callbacks;
  const mine = item.assignee === 'desk' || role === 'manager';
  const wide = useWideWindow();
  return (
    <View id={`callback-${item.id}`} className={`card callback-row${item.overdue ? ' callback-row-overdue' : ''}`}>
      <View className='callback-row-main' onClick={() => mine && onOpen('record')}>
        <View className='callback-row-head'>
          <Text className='callback-name'>{item.residentName}</Text>
          <View className='callback-tags'>
            {item.overdue && <Text className='badge badge-urgent callback-overdue'>{t.overdue}</Text>}
            {item.assignee === 'manager' && <Text className='badge callback-by-manager'>{t.byManager}</Text>}
            <Text className='badge badge-normal callback-kind'>{t.kinds[item.kind]}</Text>
            {t.reasons[item.reason] !== t.kinds[item.kind] && <Text className='badge callback-reason'>{t.reasons[item.reason]}</Text>}
          </View>
        </View>
        <Text className='callback-address'>{item.address}</Text>
        <Text className={`muted callback-due${item.overdue ? ' callback-due-late' : ''}`}>{fill(t.due, { when: formatDue(item.dueAt) })}</Text>
      </View>
      {wide ? (
        <PhoneValue phone={item.phone} className='callback-phone' />
      ) : (
        <Button className='btn btn-primary btn-call' onClick={() => callPhone(item.phone)}>
          <Icon of={Phone} />{fill(t.call, { phone: item.phone })}
        </Button>
      )}
      <PrintButton id={`print-callback-${item.id}`} action={forms.callbackRecord} input={{ propertyId, callbackId: item.id }} />
      {open === 'record' && mine && (
        <RecordForm item={item} propertyId={propertyId} uploadPrefix={uploadPrefix} onRecorded={onRecorded} onStale={onStale} onClose={onClose} />
      )}
      {open === 'raise' && <RaiseComplaintForm item={item} propertyId={propertyId} onRaised={onRaised} onClose={onClose} />}
      {open === null && mine && (
        <Button className='btn btn-secondary btn-open-record' onClick={() => onOpen('record')}>
          {t.openRecord}
        </Button>
      )}
      {complaintId ? (
        <Button className='btn btn-plain btn-open-complaint' onClick={() => go(routes.deskComplaint({ kind: 'complaint', id: complaintId }))}>
          {`${t.raisedFrom} · ${t.openComplaint}`}
        </Button>
      ) : (
        open === null && (
          <Button className='btn btn-plain btn-raise-complaint' onClick={() => onOpen('raise')}>
            {t.raise}
          </Button>
        )
      )}
    </View>
  );
}

/**
 * B1 R10: 小陈's callback list: the open tasks, soonest due first (overdue ones marked red), by kind;
 * a tap calls the resident, the form under the row records the result (B2: a home visit with the
 * resident's signature), and a complaint raised on the call is registered from the row (B3).
 * Live on the desk's signal.
 */
export default function DeskCallbacks() {
  const t = ui.callbacks;
  const context = useReadySession();
  const [tab, setTab] = useState<Tab>('all');
  const list = useCallbackQueue(tab === 'all' ? null : tab);
  const { items, total, loading, error, refresh } = list;
  const [open, setOpen] = useState<{ id: string; form: Form } | null>(null);
  /** B3: complaints raised here, shown at once before the refetch carries them. */
  const [raised, setRaised] = useState<Readonly<Record<string, string>>>({});
  /** Recorded here: gone from the list at once, before the refetch confirms it. */
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(() => new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const shown = items?.filter((item) => !recorded.has(item.id)) ?? null;
  /** The open tab's exact count, less what was recorded here since it was read. */
  const count = total === null ? null : total - (items?.filter((item) => recorded.has(item.id)).length ?? 0);

  const onRecorded = useCallback(
    (item: CallbackView) => {
      setRecorded((before) => new Set(before).add(item.id));
      setOpen(null);
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
      <Text>{tab === kind && count !== null ? fill(t.tab, { label: kind === 'all' ? t.all : t.kinds[kind], count }) : kind === 'all' ? t.all : t.kinds[kind]}</Text>
    </View>
  );

  return (
    <View className='page desk-callbacks'>
      <View className='inbox-head'>
        <Text className='title'>{t.title}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <View className='chips callback-tabs'>{(['all', ...KINDS] as const).map(tabButton)}</View>
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={tab === 'all' && shown?.length === 0 ? t.empty : null}>
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
            role={context?.role ?? 'desk'}
            open={open?.id === item.id ? open.form : null}
            propertyId={context?.property.propertyId ?? ''}
            uploadPrefix={context?.uploadPrefix ?? ''}
            complaintId={raised[item.id] ?? item.complaintId ?? null}
            onOpen={(form) => setOpen({ id: item.id, form })}
            onClose={() => setOpen(null)}
            onRecorded={onRecorded}
            onRaised={(complaintId) => {
              setRaised((before) => ({ ...before, [item.id]: complaintId }));
              setOpen(null);
              void refresh();
            }}
            onStale={onStale}
          />
        ))}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
