import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { MyData } from '../../../hooks/usePrivacy';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { formatWhen } from '../../../utils/time';

/** A stored value's words, or the value itself when the catalogue has none. */
const label = (table: Readonly<Record<string, string>>, key: string) => table[key] ?? key;

function Section({ title, name, count, children }: { title: string; name: string; count: number; children: ReactNode }) {
  return (
    <View className={`card held-section held-${name}`}>
      <Text className='section-title'>{title}</Text>
      {count === 0 ? <Text className='muted held-none'>{residentUi.myData.none}</Text> : children}
    </View>
  );
}

function Item({ head, status, lines }: { head: string; status: string; lines: string[] }) {
  return (
    <View className='held-item'>
      <View className='held-head'>
        <Text className='held-title'>{head}</Text>
        <Text className='status held-status'>{status}</Text>
      </View>
      {lines.filter(Boolean).map((line, i) => (
        <Text key={i} className='muted held-line'>
          {line}
        </Text>
      ))}
    </View>
  );
}

type Ticket = MyData['repairs'][number];

const ticketLines = (ticket: Ticket) => [
  ticket.description,
  fill(residentUi.myData.phone, { phone: ticket.phone }),
  ticket.photos ? fill(residentUi.myData.photos, { n: ticket.photos }) : '',
  formatWhen(ticket.at),
];

/** PIPL: everything the property holds about the resident, section by section, in their own words and numbers. */
export default function HeldData({ data }: { data: MyData }) {
  const t = residentUi.myData;
  return (
    <>
      <Section title={t.memberships} name='memberships' count={data.memberships.length}>
        {data.memberships.map((m) => (
          <Item
            key={m.propertyId}
            head={m.name}
            status={fill(t.membershipLine, { role: messages.roles[m.role], status: label(messages.memberStatus, m.status) })}
            lines={[fill(t.phone, { phone: m.phone }), m.rooms.length ? fill(t.rooms, { rooms: m.rooms.join(t.roomSeparator) }) : '', fill(t.since, { when: formatWhen(m.since) })]}
          />
        ))}
      </Section>
      <Section title={t.bindings} name='bindings' count={data.bindings.length}>
        {data.bindings.map((b, i) => (
          <Item
            key={i}
            head={fill(t.bindingLine, { address: b.address, name: b.name, relation: label(messages.relations, b.relation) })}
            status={label(messages.bindingStatus, b.status)}
            lines={[fill(t.phone, { phone: b.phone }), formatWhen(b.at)]}
          />
        ))}
      </Section>
      <Section title={t.repairs} name='repairs' count={data.repairs.length}>
        {data.repairs.map((r) => (
          <Item key={r.id} head={r.address} status={label(messages.repairStatus, r.status)} lines={ticketLines(r)} />
        ))}
      </Section>
      <Section title={t.complaints} name='complaints' count={data.complaints.length}>
        {data.complaints.map((k) => (
          <Item key={k.id} head={k.address} status={label(messages.complaintStatus, k.status)} lines={ticketLines(k)} />
        ))}
      </Section>
      <Section title={t.callbacks} name='callbacks' count={data.callbacks.length}>
        {data.callbacks.map((c, i) => (
          <Item key={i} head={label(ui.callbacks.kinds, c.kind)} status={label(t.callbackStatus, c.status)} lines={[c.notes, formatWhen(c.at)]} />
        ))}
      </Section>
    </>
  );
}
