import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ComplaintView } from '../../../hooks/useComplaints';
import SessionGate from '../../../components/SessionGate';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { routes } from '../../../utils/routes';
import { toastOk } from '../../../utils/toast';
import RegisterComplaintForm from './RegisterComplaintForm';
import '../../../theme/controls.css';
import './index.css';

/** 登记投诉: the desk registers a complaint for a resident (C1, V2), then goes on to classify it. */
export default function DeskComplaintRegister() {
  const onRegistered = useCallback((complaint: ComplaintView) => {
    toastOk(deskUi.deskComplaintRegister.registered);
    void Taro.redirectTo({ url: routes.deskComplaint({ kind: 'complaint', id: complaint.id }) });
  }, []);
  return (
    <View className='page desk-complaint-register'>
      <SessionGate>{(context) => <RegisterComplaintForm context={context} onRegistered={onRegistered} />}</SessionGate>
    </View>
  );
}
