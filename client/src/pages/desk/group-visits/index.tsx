import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useGroupVisits, type GroupVisitView } from '../../../hooks/useReception';
import type { SessionContext } from '../../../store/session.store';
import ChoiceChips from '../../../components/ChoiceChips';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import SessionGate from '../../../components/SessionGate';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { formatDay, formatDue, nextDays, shanghaiDate, shanghaiTime } from '../../../utils/time';
import { toastOk } from '../../../utils/toast';
import PlanForm from './PlanForm';
import '../../../theme/controls.css';
import './index.css';

const REMINDER_MS = 30 * 60_000;

/** V3: how long they stay: "2小时30分钟", "45分钟", "3小时". */
const stayOf = (visit: GroupVisitView): string => {
  const t = deskUi.groupVisits;
  const minutes = Math.round((Date.parse(visit.departureAt) - Date.parse(visit.arrivalAt)) / 60_000);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return `${h > 0 ? fill(t.hours, { h }) : ''}${m > 0 || h === 0 ? fill(t.minutes, { m }) : ''}`;
};

/** The departure's time, with its day when they stay past midnight. */
const departureOf = (visit: GroupVisitView): string =>
  shanghaiDate(new Date(visit.departureAt)) === shanghaiDate(new Date(visit.arrivalAt)) ? shanghaiTime(new Date(visit.departureAt)) : formatDue(visit.departureAt);

/** V3: one group: who, how many, when they arrive and leave, what they will see, who hosts them, and when staff are reminded. */
function GroupCard({ visit }: { visit: GroupVisitView }) {
  const t = deskUi.groupVisits;
  const arrival = new Date(visit.arrivalAt);
  return (
    <View id={`group-${visit.id}`} className='card group-row'>
      <View className='group-head'>
        <Text className='group-span'>{fill(t.span, { arrival: shanghaiTime(arrival), departure: departureOf(visit) })}</Text>
        <Text className='badge badge-normal group-headcount'>{fill(t.headcountShown, { n: visit.headcount })}</Text>
      </View>
      <Text className='group-names'>{visit.names.join('、')}</Text>
      <Text className='muted group-stay'>{fill(t.stay, { length: stayOf(visit) })}</Text>
      <Text className='group-itinerary'>{visit.itinerary}</Text>
      <Text className='muted group-host'>{fill(t.hostShown, { host: visit.host })}</Text>
      <Text className='group-reminder'>{`⏰ ${fill(t.reminderShown, { time: shanghaiTime(new Date(arrival.getTime() - REMINDER_MS)) })}`}</Text>
    </View>
  );
}

/** V3: the form for a new group visit, then the groups of a day: today and the six days after. */
function GroupVisitsDesk({ context }: { context: SessionContext }) {
  const t = deskUi.groupVisits;
  const [days] = useState(() => nextDays(7));
  const [date, setDate] = useState(days[0] ?? '');
  const list = useGroupVisits(date);
  const { items, loading, error, refresh } = list;

  const onPlanned = useCallback(
    (visit: GroupVisitView) => {
      toastOk(t.planned);
      const day = shanghaiDate(new Date(visit.arrivalAt));
      if (day === date) void refresh();
      else setDate(day);
    },
    [date, refresh, t],
  );

  return (
    <>
      <View className='inbox-head'>
        <Text className='title'>{t.title}</Text>
        <Text className='muted inbox-live'>{`● ${ui.common.live}`}</Text>
      </View>
      <PlanForm context={context} days={days} onPlanned={onPlanned} />
      <ChoiceChips name='group-date' options={days} value={date} label={(day) => formatDay(day)} onPick={setDate} />
      <LoadState loading={loading} error={error} onRetry={() => void refresh()} empty={items?.length === 0 ? t.empty : null}>
        {items?.map((visit) => <GroupCard key={visit.id} visit={visit} />)}
        <ListFooter list={list} />
      </LoadState>
    </>
  );
}

/** 团体来访: the desk plans group visits (V3) and sees who is coming on each day. */
export default function DeskGroupVisits() {
  return (
    <View className='page desk-group-visits'>
      <SessionGate>{(context) => <GroupVisitsDesk context={context} />}</SessionGate>
    </View>
  );
}
