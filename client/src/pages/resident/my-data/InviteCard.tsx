import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { relationTo } from '@shared/domain/room-invitation.rules';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { BindingStatus, InvitedRelation, Relation } from '@shared/model/binding.model';
import { call } from '../../../api';
import { useMyRoomInvitations } from '../../../hooks/useMembers';
import type { MyData } from '../../../hooks/usePrivacy';
import ChoiceChips from '../../../components/ChoiceChips';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { formatWhen } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';
import OpenInvites from './OpenInvites';

interface Props {
  propertyId: string;
  rooms: readonly { roomId: string; label: string }[];
  bindings: MyData['bindings'];
}

/** The rooms she owns, as her approved requests say (a room held with no request is hers as owner); the server decides again. */
const ownedRooms = (rooms: Props['rooms'], bindings: Props['bindings']) => {
  const records = bindings.flatMap((b) => {
    const [relation, status] = [Relation.safeParse(b.relation), BindingStatus.safeParse(b.status)];
    return relation.success && status.success ? [{ roomId: b.address, status: status.data, relation: relation.data, review: { at: b.at } }] : [];
  });
  return rooms.filter((r) => relationTo(r.label, records) === 'owner');
};

/**
 * Issue 18 (5): an owner invites a family member or a tenant to bind her room: she picks the room
 * and who they are, and reads the code once, with the message to send them; below, the codes still
 * open, each of which she can withdraw.
 */
export default function InviteCard({ propertyId, rooms, bindings }: Props) {
  const t = residentUi.invite;
  const owned = ownedRooms(rooms, bindings);
  const [roomId, setRoomId] = useState(owned[0]?.roomId ?? '');
  const [relation, setRelation] = useState<InvitedRelation | null>(null);
  const [issued, setIssued] = useState<members.IssuedRoomInvitation | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const open = useMyRoomInvitations(owned.length ? propertyId : null, { bottom: false });
  if (!owned.length) return null;

  const make = async () => {
    if (busy) return;
    if (!relation) return setProblem(t.pickRelation);
    setBusy(true);
    const res = await call(members.inviteToRoom, { propertyId, roomId, relation });
    setBusy(false);
    if (!res.ok) {
      setProblem(res.message);
      return toastError(res.message);
    }
    setProblem('');
    setIssued(res.data);
    void open.refresh();
  };

  const message = issued?.code ? fill(t.message, { address: issued.address, code: issued.code, relation: messages.relations[issued.relation] }) : '';
  const copy = () => void Taro.setClipboardData({ data: `${message}\n${issued?.path ?? ''}` }).then(() => toastOk(t.copied), () => undefined);

  return (
    <View className='card invite-card'>
      <Text className='section-title'>{t.title}</Text>
      <Text className='muted invite-hint'>{t.hint}</Text>
      {owned.length > 1 && <ChoiceChips options={owned.map((r) => r.roomId)} value={roomId} label={(id) => owned.find((r) => r.roomId === id)?.label ?? id} name='invite-room' onPick={setRoomId} />}
      <ChoiceChips options={InvitedRelation.options} value={relation} label={(r) => messages.relations[r]} name='invite-relation' onPick={(r) => { setRelation(r); setIssued(null); setProblem(''); }} />
      {problem && <Text className='field-error invite-problem'>{problem}</Text>}
      {issued?.code ? (
        <View className='invite-issued'>
          <Text className='invite-code'>{issued.code}</Text>
          <Text className='muted invite-expires'>{fill(t.expires, { when: formatWhen(issued.expiresAt) })}</Text>
          <Text className='invite-message'>{message}</Text>
          <Button className='btn btn-secondary btn-copy-invite' onClick={copy}>
            {t.copy}
          </Button>
        </View>
      ) : (
        <PrimaryButton className='btn-invite-room' busy={busy} onClick={make}>
          {busy ? t.making : t.make}
        </PrimaryButton>
      )}
      <OpenInvites propertyId={propertyId} list={open} />
    </View>
  );
}
