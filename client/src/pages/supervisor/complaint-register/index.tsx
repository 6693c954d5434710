import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useComplaintRegister, type RegisterView } from '../../../hooks/useComplaints';
import { useReadySession } from '../../../hooks/useSession';
import CaseCard from '../../../components/CaseCard';
import LoadState from '../../../components/LoadState';
import { formatStamp } from '../../../components/RepairSummary/stamp';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { go, routes } from '../../../utils/routes';
import { shanghaiDate } from '../../../utils/time';
import DayChooser from './DayChooser';
import RegisterRowCard from './RegisterRowCard';
import SignPanel from './SignPanel';
import '../../../theme/controls.css';
import './index.css';

/** Signed, flagged for being left unsigned past the next morning, or waiting for the supervisor. */
function SignedState({ register }: { register: RegisterView }) {
  const t = supervisorUi.complaintRegister;
  const { signed, flaggedAt } = register;
  if (signed) {
    return (
      <View className='register-state register-signed'>
        <Text className='register-signed-line'>{fill(t.signed, { by: signed.by, when: formatStamp(signed.at) })}</Text>
        {signed.remarks && <Text className='muted register-remarks-shown'>{fill(t.remarks, { remarks: signed.remarks })}</Text>}
      </View>
    );
  }
  if (flaggedAt) return <Text className='register-state register-flagged'>{fill(t.flagged, { when: formatStamp(flaggedAt) })}</Text>;
  return <Text className='register-state register-unsigned'>{t.unsigned}</Text>;
}

/**
 * C6: 刘主管's morning: a day's complaint register, whether it is signed, its rows, and every complaint
 * still open to follow; the supervisor signs it here. He opens on yesterday's, the one his morning signs
 * (USERS.md; it is flagged when left unsigned past the next morning); everyone else on today's.
 */
export default function ComplaintRegister() {
  const context = useReadySession();
  const signer = context?.role === 'supervisor';
  const [picked, setDate] = useState<string | null>(null);
  const date = picked ?? shanghaiDate(new Date(), signer ? -1 : 0);
  const { data, loading, error, refresh } = useComplaintRegister(date);
  const reload = useCallback(() => void refresh(), [refresh]);
  const t = supervisorUi.complaintRegister;
  return (
    <View className='page complaint-register'>
      <Text className='title'>{t.title}</Text>
      <DayChooser date={date} onChange={setDate} />
      <LoadState loading={loading} error={error} onRetry={reload}>
        {data && (
          <>
            <View className='card register-head'>
              <SignedState register={data} />
            </View>
            {signer && !data.signed && context && <SignPanel key={date} date={date} propertyId={context.property.propertyId} onDone={reload} />}
            <Text className='section-title register-rows-title'>{fill(t.rows, { count: data.rows.length })}</Text>
            {data.rows.length === 0 && <Text className='empty register-empty'>{t.empty}</Text>}
            {data.rows.map((row) => (
              <RegisterRowCard key={row.id} row={row} />
            ))}
            <Text className='section-title register-open-title'>{fill(t.open, { count: data.open.length })}</Text>
            {data.open.length === 0 && <Text className='empty register-open-empty'>{t.openEmpty}</Text>}
            {data.open.map((item) => (
              <CaseCard key={`${item.kind}-${item.id}`} item={item} onOpen={() => go(routes.deskComplaint({ kind: item.kind, id: item.id }))} />
            ))}
          </>
        )}
      </LoadState>
    </View>
  );
}
