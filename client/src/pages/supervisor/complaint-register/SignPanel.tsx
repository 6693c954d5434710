import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import { useComplaintStep } from '../../../hooks/useComplaints';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

interface Props {
  date: string;
  propertyId: string;
  onDone: () => void;
}

/** C6: the supervisor signs the day's register, with a remark if there is one to make. */
export default function SignPanel({ date, propertyId, onDone }: Props) {
  const t = supervisorUi.complaintRegister;
  const [remarks, setRemarks] = useState('');
  const { busy, problem, run } = useComplaintStep(onDone);
  const sign = () => {
    if (busy) return;
    void run(complaints.signRegister, { propertyId, date, remarks: remarks.trim() }, t.signedToast);
  };
  return (
    <View className='card sign-panel'>
      <ReasonField
        label={t.remarksLabel}
        labelClass='register-label'
        inputClass='register-remarks input-register-remarks'
        value={remarks}
        maxlength={500}
        placeholder={t.remarksPlaceholder}
        onChange={setRemarks}
      />
      {problem && <Text className='field-error sign-problem'>{problem}</Text>}
      <PrimaryButton className='btn-sign-register' busy={busy} onClick={sign}>
        {busy ? t.signing : t.sign}
      </PrimaryButton>
    </View>
  );
}
