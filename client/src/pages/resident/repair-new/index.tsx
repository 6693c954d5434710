import { useState } from 'react';

import type { FiledRepair } from '@shared/contracts/repairs.contract';
import PrivacyConsent from '../../../components/PrivacyConsent';
import SessionGate from '../../../components/SessionGate';
import RepairForm from './RepairForm';
import RepairResult from './RepairResult';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

export default function RepairNew() {
  const [filed, setFiled] = useState<FiledRepair | null>(null);
  return (
    <ScaledPage className='repair-new'>
      <SessionGate>
        {(context) =>
          filed ? (
            <RepairResult repair={filed} deskPhone={context.property.deskPhone} />
          ) : (
            <RepairForm context={context} onFiled={setFiled} />
          )
        }
      </SessionGate>
      <PrivacyConsent />
    </ScaledPage>
  );
}
