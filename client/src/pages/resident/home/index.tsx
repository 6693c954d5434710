import { Button, Text, View } from '@tarojs/components';
import Articles from '@nutui/icons-react-taro/dist/es/icons/Articles.js';
import Clock from '@nutui/icons-react-taro/dist/es/icons/Clock.js';
import Complaint from '@nutui/icons-react-taro/dist/es/icons/Complaint.js';
import Notice from '@nutui/icons-react-taro/dist/es/icons/Notice.js';
import Order from '@nutui/icons-react-taro/dist/es/icons/Order.js';
import Repairman from '@nutui/icons-react-taro/dist/es/icons/Repairman.js';
import Icon from '../../../components/Icon';
import InboxBadge from '../../../components/InboxBadge';
import { useReadySession } from '../../../hooks/useSession';
import { useOpenRepairCount } from '../../../hooks/useRepairs';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { residentUi } from '../../../i18n/resident.zh-CN';
import { go, routes } from '../../../utils/routes';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import PropertySwitch from '../../../components/PropertySwitch';
import TextSizeSwitch from '../../../components/TextSizeSwitch';
import './index.css';

/** A resident's home: 报修 one tap away, their requests, 投诉 and their complaints, their messages, the desk's phone, and what is held about them. */
export default function ResidentHome() {
  const context = useReadySession();
  const open = useOpenRepairCount() ?? 0;
  const t = residentUi.residentHome;

  return (
    <ScaledPage className='resident-home'>
      <PropertySwitch />
      {context && (
        <View className='home-hello'>
          <Text className='title'>{fill(t.greeting, { name: context.name })}</Text>
          <Text className='muted'>{context.property.name}</Text>
        </View>
      )}
      <TextSizeSwitch />
      <View id='btn-new-repair' className='home-tile home-tile-primary btn-new-repair' onClick={() => go(routes.repairNew)}>
        <Icon of={Repairman} className='home-tile-icon' />
        <View className='home-tile-words'>
          <Text className='home-tile-title'>{t.newRepair}</Text>
          <Text className='home-tile-hint'>{t.newRepairHint}</Text>
        </View>
      </View>
      <View id='btn-my-repairs' className='home-tile btn-my-repairs' onClick={() => go(routes.myRepairs)}>
        <Icon of={Order} className='home-tile-icon' />
        <View className='home-tile-words'>
          <Text className='home-tile-title'>{t.myRepairs}</Text>
          <Text className='home-tile-hint'>{open > 0 ? fill(t.openCount, { count: open }) : t.myRepairsHint}</Text>
        </View>
      </View>
      <View className='home-pair'>
        <View id='btn-new-complaint' className='home-tile home-tile-half btn-new-complaint' onClick={() => go(routes.complaintNew)}>
          <Icon of={Complaint} className='home-tile-icon' />
          <View className='home-tile-words'>
            <Text className='home-tile-title'>{t.newComplaint}</Text>
            <Text className='home-tile-hint'>{t.newComplaintHint}</Text>
          </View>
        </View>
        <View id='btn-my-complaints' className='home-tile home-tile-half btn-my-complaints' onClick={() => go(routes.myComplaints)}>
          <Icon of={Articles} className='home-tile-icon' />
          <View className='home-tile-words'>
            <Text className='home-tile-title'>{t.myComplaints}</Text>
            <Text className='home-tile-hint'>{t.myComplaintsHint}</Text>
          </View>
        </View>
      </View>
      <View id='btn-my-bookings' className='home-tile btn-my-bookings' onClick={() => go(routes.myBookings)}>
        <Icon of={Clock} className='home-tile-icon' />
        <View className='home-tile-words'>
          <Text className='home-tile-title'>{t.myBookings}</Text>
          <Text className='home-tile-hint'>{t.myBookingsHint}</Text>
        </View>
      </View>
      <View id='btn-inbox' className='home-tile btn-inbox' onClick={() => go(routes.inbox)}>
        <Icon of={Notice} className='home-tile-icon' />
        <View className='home-tile-words'>
          <Text className='home-tile-title'>{t.inbox}</Text>
          <Text className='home-tile-hint'>{t.inboxHint}</Text>
          <InboxBadge />
        </View>
      </View>
      {context && (
        <View className='home-desk'>
          <Text className='muted'>{`${ui.common.deskPhone} ${context.property.deskPhone}`}</Text>
          <DeskPhoneButton phone={context.property.deskPhone} look='plain' />
        </View>
      )}
      <Button className='btn btn-plain btn-my-data' onClick={() => go(routes.myData)}>
        {t.myData}
      </Button>
    </ScaledPage>
  );
}
