import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { messages } from '@shared/messages';
import type { BindingView } from '../../../hooks/useMembers';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { joinUi } from '../../../i18n/join.zh-CN';
import StatusTag from '../../../components/StatusTag';
import { bindingTones } from '../../../components/StatusTag/tones';
import { routeParam, routes } from '../../../utils/routes';
import BindForm from './BindForm';
import type { PropertyInfo } from './PropertyCard';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

interface Sent {
  binding: BindingView;
  property: PropertyInfo;
}

/** What was asked for, that it waits for the desk, and the desk's phone. */
function BindSent({ binding, property }: Sent) {
  const t = joinUi.bind;
  return (
    <View className='card bind-sent'>
      <Text className='title'>{t.sentTitle}</Text>
      <View className='bind-sent-head'>
        <Text className='bind-sent-room'>{fill(ui.myBindings.room, { property: property.name, address: binding.address })}</Text>
        <StatusTag tone={bindingTones[binding.status]} label={messages.bindingStatus[binding.status]} className='binding-status' />
      </View>
      <Text className='muted bind-sent-next'>{t.sentNext}</Text>
      <DeskPhoneButton phone={property.deskPhone} look='plain' />
      <Button className='btn btn-primary btn-back-home' onClick={() => void Taro.reLaunch({ url: routes.landing })}>
        {t.backHome}
      </Button>
    </View>
  );
}

/** Issue 7 (4): a newcomer asks to be bound to their room; opened from the landing or a property's code (`p=`). */
export default function BindRoom() {
  const [linked] = useState(() => routeParam('p'));
  const [sent, setSent] = useState<Sent | null>(null);
  return (
    <ScaledPage className='join-bind'>
      {sent ? (
        <BindSent binding={sent.binding} property={sent.property} />
      ) : (
        <>
          <Text className='title'>{joinUi.bind.title}</Text>
          <Text className='muted bind-hint'>{joinUi.bind.hint}</Text>
          <BindForm linked={linked} onSent={(binding, property) => setSent({ binding, property })} />
        </>
      )}
    </ScaledPage>
  );
}
