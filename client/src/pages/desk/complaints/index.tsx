import { useState } from 'react';
import { Button, Text, View, type ViewProps } from '@tarojs/components';
import type { Role } from '@shared/model/member.model';
import { useComplaintInbox } from '../../../hooks/useComplaints';
import { useReadySession } from '../../../hooks/useSession';
import { useWideWindow } from '../../../hooks/useWideWindow';
import Empty from '../../../components/kit/Empty';
import CaseCard from '../../../components/CaseCard';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { go, routes } from '../../../utils/routes';
import { queueHeldCount } from '../../../utils/screening';
import '../../../theme/controls.css';
import KeyScope from '../../../keyboard/KeyScope';
import CaseDesk from '../complaint/CaseDesk';
import './index.css';

const canRegister = (role: Role) => role === 'desk' || role === 'supervisor';

/**
 * C4 C9: every open complaint and group complaint, in the server's order (特急 first, then the soonest
 * due), live on the desk's signal; 登记投诉 and the day's register one click away.
 * On a wide window (PC WeChat) the list stands beside the chosen case, the first one chosen at once.
 * Tab reaches the cards, Enter or Space opens one (keyboard/).
 */
export default function DeskComplaints() {
  const context = useReadySession();
  const list = useComplaintInbox();
  const { items, loading, error, refresh } = list;
  const t = ui.deskComplaints;
  const held = items ? queueHeldCount(items) : 0;
  const wide = useWideWindow();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const keyOf = (item: { kind: string; id: string }) => `${item.kind}-${item.id}`;
  const shown = wide ? (items?.find((item) => keyOf(item) === chosenKey) ?? items?.[0]) ?? null : null;
  return (
    <KeyScope>
      <View className={`page desk-complaints${wide ? ' desk-wide' : ''}`}>
        <View className='desk-complaints-list'>
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
              <CaseCard
                key={keyOf(item)}
                item={item}
                chosen={shown !== null && keyOf(item) === keyOf(shown)}
                onOpen={() => (wide ? setChosenKey(keyOf(item)) : go(routes.deskComplaint({ kind: item.kind, id: item.id })))}
              />
            ))}
            <ListFooter list={list} />
          </LoadState>
        </View>
        {/* Scrolls on its own: in the tab order, so a keyboard can scroll it too (axe-core's scrollable-region-focusable). */}
        {wide && (
          <View className='desk-complaints-detail' {...({ tabIndex: 0 } as Partial<ViewProps>)}>
            {shown ? <CaseDesk key={keyOf(shown)} caseRef={{ kind: shown.kind, id: shown.id }} onChanged={() => void refresh()} /> : <Empty size='small' description={t.pickOne} />}
          </View>
        )}
      </View>
    </KeyScope>
  );
}
