import { Button, Text, View } from '@tarojs/components';
import type { Role } from '@shared/model/member.model';
import { useDeskInbox, type RepairView } from '../../../hooks/useRepairs';
import { useCallbackQueue } from '../../../hooks/useCallbacks';
import { useComplaintInbox } from '../../../hooks/useComplaints';
import { useBindingRequests } from '../../../hooks/useMembers';
import { useReadySession } from '../../../hooks/useSession';
import { useUrgentChime } from '../../../hooks/useUrgentChime';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import RepairCard from '../../../components/RepairCard';
import SubscribeLowBanner from '../../../components/SubscribeLowBanner';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import { queueHeldCount } from '../../../utils/screening';
import PropertySwitch from '../../../components/PropertySwitch';
import './index.css';

const canRegister = (role: Role) => role === 'desk' || role === 'supervisor';

const isUrgentWaiting = (r: RepairView) => r.priority === 'urgent' && r.status === 'submitted';

/**
 * R3: how many urgent repairs wait for dispatch, as "3" or "20+". They lead the queue, so those
 * loaded are all of them unless the queue goes on and every one loaded is one.
 */
const waitingUrgent = (items: readonly RepairView[] | null, hasMore: boolean): string | null => {
  const n = items?.filter(isUrgentWaiting).length ?? 0;
  if (n === 0) return null;
  return hasMore && items?.every(isUrgentWaiting) ? `${n}+` : String(n);
};

interface Counts {
  callbacks: number | null;
  complaints: number | null;
  bindings: number | null;
}

/**
 * The other lists, from the queue everyone at the desk lands on: the open complaints (C4), the
 * callback list (B1) and the requests to bind a room with their counts, the inbox of notices, the
 * day's appointments (V4), the reception log (V1 V2) and group visits (V3), and for the supervisor
 * and the manager their own pages (the callback report, the reminders' health, the property's
 * settings; for the manager also its rooms and the requests to delete personal data).
 */
function InboxLinks({ role, callbacks, complaints, bindings }: Counts & { role: Role }) {
  const t = ui.supervisor.links;
  const staff = role === 'supervisor' || role === 'manager';
  return (
    <View className='inbox-links'>
      <Button className='btn btn-plain inbox-link link-inbox' onClick={() => go(routes.inbox)}>
        {ui.inbox.link}
      </Button>
      <Button className='btn btn-plain inbox-link link-complaints' onClick={() => go(routes.deskComplaints)}>
        {complaints ? fill(ui.deskComplaints.linkCount, { count: complaints }) : ui.deskComplaints.link}
      </Button>
      <Button className='btn btn-plain inbox-link link-callbacks' onClick={() => go(routes.deskCallbacks)}>
        {callbacks ? fill(ui.callbacks.linkCount, { count: callbacks }) : ui.callbacks.link}
      </Button>
      <Button className='btn btn-plain inbox-link link-bindings' onClick={() => go(routes.deskBindings)}>
        {bindings ? fill(ui.deskBindings.linkCount, { count: bindings }) : ui.deskBindings.link}
      </Button>
      <Button className='btn btn-plain inbox-link link-bookings' onClick={() => go(routes.deskBookings)}>
        {ui.deskBookings.link}
      </Button>
      <Button className='btn btn-plain inbox-link link-reception' onClick={() => go(routes.deskReception)}>
        {ui.reception.link}
      </Button>
      <Button className='btn btn-plain inbox-link link-group-visits' onClick={() => go(routes.deskGroupVisits)}>
        {ui.groupVisits.link}
      </Button>
      {role === 'supervisor' && (
        <Button className='btn btn-plain inbox-link link-send-backs' onClick={() => go(routes.supervisorSendBacks)}>
          {t.sendBacks}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-scorecards' onClick={() => go(routes.supervisorScorecards)}>
          {t.scorecards}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-complaint-register' onClick={() => go(routes.supervisorComplaintRegister)}>
          {t.complaintRegister}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-complaint-figures' onClick={() => go(routes.supervisorComplaintFigures)}>
          {t.complaintFigures}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-callback-figures' onClick={() => go(routes.supervisorCallbackFigures)}>
          {t.callbackFigures}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-health' onClick={() => go(routes.supervisorHealth)}>
          {t.health}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-members' onClick={() => go(routes.supervisorMembers)}>
          {ui.members.link}
        </Button>
      )}
      {staff && (
        <Button className='btn btn-plain inbox-link link-settings' onClick={() => go(routes.supervisorSettings)}>
          {t.settings}
        </Button>
      )}
      {role === 'manager' && (
        <Button className='btn btn-plain inbox-link link-import' onClick={() => go(routes.supervisorImport)}>
          {t.roomImport}
        </Button>
      )}
      {role === 'manager' && (
        <Button className='btn btn-plain inbox-link link-erasures' onClick={() => go(routes.supervisorErasures)}>
          {t.erasures}
        </Button>
      )}
    </View>
  );
}

/** The desk's queue: every open repair, urgent ones on top with their rule, live; 登记报修 one click away. */
export default function DeskInbox() {
  const context = useReadySession();
  const list = useDeskInbox();
  const { items, loading, error, refresh } = list;
  // Only their counts show here: one item a page, and no loading more when the page scrolls down.
  const counted = { size: 1, bottom: false };
  const callbacks = useCallbackQueue(null, counted);
  const complaints = useComplaintInbox(counted);
  const bindings = useBindingRequests(counted);
  useUrgentChime(items);
  const waiting = waitingUrgent(items, list.hasMore);
  const held = items ? queueHeldCount(items) : 0;
  return (
    <View className='page desk-inbox'>
      <PropertySwitch />
      <View className='inbox-head'>
        <Text className='title'>{ui.desk.inboxTitle}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <SubscribeLowBanner />
      {context && canRegister(context.role) && (
        <Button id='btn-register' className='btn btn-primary btn-register' onClick={() => go(routes.deskRegister)}>
          {`＋ ${ui.deskRegister.button}`}
        </Button>
      )}
      {context && (
        <InboxLinks
          role={context.role}
          callbacks={callbacks.total}
          complaints={complaints.total}
          bindings={bindings.total}
        />
      )}
      {waiting && <Text className='inbox-urgent-count'>{fill(ui.desk.urgentWaiting, { count: waiting })}</Text>}
      {held > 0 && <Text className='inbox-held-count'>{fill(ui.screening.queueCount, { count: held })}</Text>}
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? ui.desk.inboxEmpty : null}>
        {items?.map((repair) => (
          <RepairCard key={repair.id} repair={repair} onOpen={() => go(routes.deskRepair(repair.id))} />
        ))}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
