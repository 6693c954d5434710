import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ComplaintView } from '../../../hooks/useComplaints';
import PrivacyConsent from '../../../components/PrivacyConsent';
import SessionGate from '../../../components/SessionGate';
import { ui } from '../../../i18n/ui.zh-CN';
import { routes } from '../../../utils/routes';
import { toastOk } from '../../../utils/toast';
import ComplaintForm from './ComplaintForm';
import '../../../theme/controls.css';
import './index.css';

/** 投诉: the resident files a complaint (C1) and lands on it, to follow who handles it. */
export default function ComplaintNew() {
  const onFiled = useCallback((complaint: ComplaintView) => {
    toastOk(ui.complaintForm.filed);
    void Taro.redirectTo({ url: routes.myComplaint(complaint.id) });
  }, []);
  return (
    <View className='page complaint-new'>
      <SessionGate>{(context) => <ComplaintForm context={context} onFiled={onFiled} />}</SessionGate>
      <PrivacyConsent />
    </View>
  );
}
