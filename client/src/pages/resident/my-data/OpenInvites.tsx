import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { PagedRemote } from '../../../hooks/usePagedAction';
import { useWrite } from '../../../hooks/useWrite';
import ListFooter from '../../../components/ListFooter';
import { fill } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { formatWhen } from '../../../utils/time';

const confirmed = async (invitation: members.OpenRoomInvitation): Promise<boolean> => {
  const t = residentUi.invite;
  const content = fill(t.cancelContent, { relation: messages.relations[invitation.relation], address: invitation.address });
  const answer = await Taro.showModal({ title: t.cancelTitle, content, confirmText: t.cancel, confirmColor: '#c62828' }).catch(() => ({ confirm: false }));
  return answer.confirm;
};

interface Props {
  propertyId: string;
  list: PagedRemote<members.OpenRoomInvitation>;
}

/**
 * Issue 18 (5): the codes she issued that nobody has used yet: for whom, when issued, until when;
 * never the code itself (the server keeps only its hash). She withdraws one she no longer wants used.
 */
export default function OpenInvites({ propertyId, list }: Props) {
  const t = residentUi.invite;
  const { busy, write } = useWrite<typeof members.cancelRoomInvitation>();
  if (!list.items?.length) return null;

  const cancel = async (invitation: members.OpenRoomInvitation) => {
    if (busy || !(await confirmed(invitation))) return;
    if (await write(members.cancelRoomInvitation, { propertyId, invitationId: invitation.id }, t.cancelled)) await list.refresh();
  };

  return (
    <View className='open-invites'>
      <Text className='line-label open-invites-title'>{fill(t.openTitle, { count: list.total ?? list.items.length })}</Text>
      {list.items.map((invitation) => (
        <View key={invitation.id} className='open-invite' id={`open-invite-${invitation.id}`}>
          <View className='open-invite-text'>
            <Text className='open-invite-who'>{fill(t.openWho, { relation: messages.relations[invitation.relation], address: invitation.address })}</Text>
            <Text className='muted open-invite-when'>{fill(t.openWhen, { issued: formatWhen(invitation.createdAt), expires: formatWhen(invitation.expiresAt) })}</Text>
          </View>
          <Button className='btn btn-plain btn-cancel-invite' disabled={busy} onClick={() => void cancel(invitation)}>
            {t.cancel}
          </Button>
        </View>
      ))}
      <ListFooter list={list} />
      <Text className='muted open-invites-note'>{t.openNote}</Text>
    </View>
  );
}
