import { Button, Text, View } from '@tarojs/components';
import type { Role } from '@shared/model/member.model';
import { useComplaintInbox } from '../../../hooks/useComplaints';
import { useReadySession } from '../../../hooks/useSession';
import CaseCard from '../../../components/CaseCard';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import { queueHeldCount } from '../../../utils/screening';
import '../../../theme/controls.css';
import './index.css';

const canRegister = (role: Role) => role === 'desk' || role === 'supervisor';

/**
 * C4 C9: every open complaint and group complaint, in the server's order (特急 first, then the soonest
 * due), live on the desk's signal; 登记投诉 and the day's register one click away.
 */
export default function DeskComplaints() {
  const context = useReadySession();
  const list = useComplaintInbox();
  const { items, loading, error, refresh } = list;
  const t = ui.deskComplaints;
  const held = items ? queueHeldCount(items) : 0;
  return (
    <View className='page desk-complaints'>
      <View className='inbox-head'>
        <Text className='title'>{t.title}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <View className='inbox-links'>
        {context && canRegister(context.role) && (
          <Button id='btn-register-complaint' className='btn btn-primary inbox-link btn-register-complaint' onClick={() => go(routes.deskComplaintRegister)}>
            {`＋ ${t.register}`}
          </Button>
        )}
        <Button className='btn btn-plain inbox-link link-complaint-register' onClick={() => go(routes.supervisorComplaintRegister)}>
          {t.registerBook}
        </Button>
      </View>
      {held > 0 && <Text className='inbox-held-count'>{fill(ui.screening.queueCount, { count: held })}</Text>}
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.empty : null}>
        {items?.map((item) => (
          <CaseCard key={`${item.kind}-${item.id}`} item={item} onOpen={() => go(routes.deskComplaint({ kind: item.kind, id: item.id }))} />
        ))}
        <ListFooter list={list} />
      </LoadState>
    </View>
  );
}
