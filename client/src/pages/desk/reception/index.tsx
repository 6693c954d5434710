import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useReceptionLog, type ReceptionView } from '../../../hooks/useReception';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import SessionGate from '../../../components/SessionGate';
import { ui } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { formatDay, pastDays, shanghaiDate } from '../../../utils/time';
import { toastOk } from '../../../utils/toast';
import LogForm from './LogForm';
import ReceptionRow from './ReceptionRow';
import '../../../theme/controls.css';
import './index.css';

/**
 * The day's log as the function answers it, with what was written here and not yet read back: a new
 * entry of that day, or a newer version of one on screen. In order of time.
 */
const withLocal = (fetched: readonly ReceptionView[] | null, local: Readonly<Record<string, ReceptionView>>, date: string) => {
  if (!fetched) return null;
  const byId = new Map(fetched.map((item) => [item.id, item]));
  for (const item of Object.values(local)) {
    const seen = byId.get(item.id);
    if (seen ? seen.version < item.version : shanghaiDate(new Date(item.at)) === date) byId.set(item.id, item);
  }
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
};

/** V1 V2: the form for a new walk-in or call, then a day of the log: today and the six days before. */
function ReceptionDesk({ context }: { context: SessionContext }) {
  const t = deskUi.reception;
  const [days] = useState(() => pastDays(7));
  const [date, setDate] = useState(days[0] ?? '');
  const list = useReceptionLog(date);
  const { items, loading, error, refresh } = list;
  const [local, setLocal] = useState<Readonly<Record<string, ReceptionView>>>({});
  const shown = withLocal(items, local, date);
  const canLog = context.role === 'desk' || context.role === 'supervisor';

  const keep = useCallback((item: ReceptionView) => setLocal((before) => ({ ...before, [item.id]: item })), []);
  const onLogged = useCallback(
    (item: ReceptionView) => {
      keep(item);
      toastOk(item.settled ? t.logged : t.loggedUnsettled);
      const day = shanghaiDate(new Date(item.at));
      if (day === date) void refresh();
      else setDate(day);
    },
    [keep, date, refresh, t],
  );
  const onWritten = useCallback(
    (item: ReceptionView) => {
      keep(item);
      void refresh();
    },
    [keep, refresh],
  );

  return (
    <>
      <View className='inbox-head'>
        <Text className='title'>{t.title}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      {canLog && <LogForm context={context} onLogged={onLogged} />}
      <ChoiceChips name='reception-date' options={days} value={date} label={(day) => (day === days[1] ? t.yesterday : formatDay(day))} onPick={setDate} />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={shown?.length === 0 ? t.empty : null}>
        {shown?.map((item) => (
          <ReceptionRow
            key={item.id}
            item={item}
            propertyId={context.property.propertyId}
            now={new Date()}
            onWritten={onWritten}
            onStale={() => void refresh()}
          />
        ))}
        <ListFooter list={list} />
      </LoadState>
    </>
  );
}

/** 接待记录: the desk's reception log (V1 V2), kept as walk-ins and calls happen. */
export default function DeskReception() {
  return (
    <View className='page desk-reception'>
      <SessionGate>{(context) => <ReceptionDesk context={context} />}</SessionGate>
    </View>
  );
}
