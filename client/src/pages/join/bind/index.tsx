import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { BindingView } from '../../../hooks/useMembers';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { joinUi } from '../../../i18n/join.zh-CN';
import StatusTag from '../../../components/StatusTag';
import { bindingTones } from '../../../components/StatusTag/tones';
import { chooseProperty } from '../../../store/session.store';
import { routeParam, routes } from '../../../utils/routes';
import BindForm from './BindForm';
import InviteJoinForm from './InviteJoinForm';
import type { PropertyInfo } from './PropertyCard';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

/** Bound already: the landing opens her home in the property, as after a staff member joins. */
const enterProperty = (propertyId: string) => {
  void chooseProperty(propertyId);
  void Taro.reLaunch({ url: routes.landing });
};

interface Sent {
  binding: BindingView;
  property: PropertyInfo;
}

/** What was asked for, that it waits for the desk (or, with an owner's invitation, that it is bound already), and the desk's phone. */
function BindSent({ binding, property }: Sent) {
  const t = joinUi.bind;
  const bound = binding.status === 'approved';
  return (
    <View className='card bind-sent'>
      <Text className='title'>{bound ? joinUi.invited.boundTitle : t.sentTitle}</Text>
      <View className='bind-sent-head'>
        <Text className='bind-sent-room'>{fill(ui.myBindings.room, { property: property.name, address: binding.address })}</Text>
        <StatusTag tone={bindingTones[binding.status]} label={messages.bindingStatus[binding.status]} className='binding-status' />
      </View>
      <Text className='muted bind-sent-next'>{bound ? joinUi.invited.boundNext : t.sentNext}</Text>
      <DeskPhoneButton phone={property.deskPhone} look='plain' />
      <Button className='btn btn-primary btn-back-home' onClick={() => (bound ? enterProperty(binding.propertyId) : void Taro.reLaunch({ url: routes.landing }))}>
        {bound ? joinUi.invited.enter : t.backHome}
      </Button>
    </View>
  );
}

/**
 * Issue 7 (4): a newcomer asks to be bound to their room; opened from the landing or a property's code (`p=`).
 * Issue 18 (5): with an owner's invitation (`code=` in her shared link, or typed) the room comes from it.
 */
export default function BindRoom() {
  const [linked] = useState(() => routeParam('p'));
  const [code] = useState(() => routeParam('code'));
  const [invited, setInvited] = useState(Boolean(code));
  const [sent, setSent] = useState<Sent | null>(null);
  const onSent = (binding: BindingView, property: PropertyInfo) => setSent({ binding, property });
  const t = invited ? joinUi.invited : joinUi.bind;
  return (
    <ScaledPage className='join-bind'>
      {sent ? (
        <BindSent binding={sent.binding} property={sent.property} />
      ) : (
        <>
          <Text className='title'>{t.title}</Text>
          <Text className='muted bind-hint'>{t.hint}</Text>
          <Button className='btn btn-plain btn-bind-mode' onClick={() => setInvited(!invited)}>
            {invited ? joinUi.bind.noCode : joinUi.bind.haveCode}
          </Button>
          {invited ? <InviteJoinForm linked={linked} code={code} onSent={onSent} /> : <BindForm linked={linked} onSent={onSent} />}
        </>
      )}
    </ScaledPage>
  );
}
