import { useState } from 'react';
import { View } from '@tarojs/components';
import type { RepairView } from '@shared/contracts/repairs.contract';
import SessionGate from '../../../components/SessionGate';
import RegisterForm from './RegisterForm';
import RegisterResult from './RegisterResult';
import '../../../theme/controls.css';
import './index.css';

/** 登记报修: the desk files a phone or walk-in request for a resident (R2, V2), then dispatches it. */
export default function DeskRegister() {
  const [registered, setRegistered] = useState<RepairView | null>(null);
  return (
    <View className='page desk-register'>
      <SessionGate>
        {(context) =>
          registered ? (
            <RegisterResult repair={registered} onAnother={() => setRegistered(null)} />
          ) : (
            <RegisterForm context={context} onRegistered={setRegistered} />
          )
        }
      </SessionGate>
    </View>
  );
}
