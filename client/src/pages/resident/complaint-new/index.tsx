import { useState } from 'react';
import type { ComplaintView } from '../../../hooks/useComplaints';
import PrivacyConsent from '../../../components/PrivacyConsent';
import SessionGate from '../../../components/SessionGate';
import ComplaintForm from './ComplaintForm';
import ComplaintResult from './ComplaintResult';
import ScaledPage from '../../../components/ScaledPage';
import '../../../theme/controls.css';
import './index.css';

/** 投诉: the resident files a complaint (C1) and is told who reads it and by when (C4), then follows it. */
export default function ComplaintNew() {
  const [filed, setFiled] = useState<ComplaintView | null>(null);
  return (
    <ScaledPage className='complaint-new'>
      <SessionGate>
        {(context) => (filed ? <ComplaintResult complaint={filed} deskPhone={context.property.deskPhone} /> : <ComplaintForm context={context} onFiled={setFiled} />)}
      </SessionGate>
      <PrivacyConsent />
    </ScaledPage>
  );
}
