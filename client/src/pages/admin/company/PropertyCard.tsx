import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import * as company from '@shared/contracts/company.contract';
import type { IssuedInvitation } from '@shared/contracts/members.contract';
import { call } from '../../../api';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import type { PropertyHealth } from '../../../hooks/useCompany';
import { fill } from '../../../i18n/ui.zh-CN';
import { adminUi } from '../../../i18n/admin.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';
import { IssuedCode } from '../../supervisor/members/InvitePanel';
import '../../supervisor/members/index.css';

/** One property: its state, its manager, what is piling up; appoint or replace the manager, or close it. */
export default function PropertyCard({ property, onChanged }: { property: PropertyHealth; onChanged: () => void }) {
  const t = adminUi.company;
  const [issued, setIssued] = useState<z.infer<typeof IssuedInvitation> | null>(null);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const active = property.status === 'active';
  const replaces = property.managers[0]?.memberId;

  const appoint = async () => {
    if (busy) return;
    setBusy(true);
    const res = await call(company.appointManager, { propertyId: property.propertyId, note: property.name, ...(replaces ? { replaces } : {}) });
    setBusy(false);
    if (!res.ok) return toastError(res.message);
    setIssued(res.data);
  };
  const deactivate = async () => {
    setBusy(true);
    const res = await call(company.deactivateProperty, { propertyId: property.propertyId, reason: reason.trim() });
    setBusy(false);
    if (!res.ok) return toastError(res.message);
    toastOk(t.deactivated);
    setClosing(false);
    onChanged();
  };

  return (
    <View className={`card property-card property-${property.propertyId}${active ? '' : ' property-inactive'}`}>
      <View className='property-head'>
        <Text className='property-name'>{property.name}</Text>
        <Text className={`badge ${active ? 'property-on' : 'property-off'}`}>{active ? t.active : t.inactive}</Text>
      </View>
      {property.address && <Text className='muted'>{property.address}</Text>}
      <Text className='property-managers'>{property.managers.length ? fill(t.managers, { names: property.managers.map((m) => m.name).join('、') }) : t.noManager}</Text>
      <Text className={property.deadLetters ? 'property-warn' : 'muted'}>{fill(t.deadLetters, { count: property.deadLetters })}</Text>
      <Text className={property.unsignedRegisters ? 'property-warn' : 'muted'}>{fill(t.unsignedRegisters, { count: property.unsignedRegisters })}</Text>
      {active && (
        <View className='property-actions'>
          <Button className='btn btn-secondary btn-appoint' onClick={() => void appoint()}>
            {replaces ? t.replace : t.appoint}
          </Button>
          <Button className='btn btn-plain btn-deactivate' onClick={() => setClosing(!closing)}>
            {t.deactivate}
          </Button>
        </View>
      )}
      {issued && (
        <View className='property-appointment'>
          <IssuedCode issued={issued} />
          <Text className='muted'>{fill(t.appointHint, { replacing: replaces ? t.replacing : '' })}</Text>
        </View>
      )}
      {active && closing && (
        <View className='property-closing'>
          <Text className='property-warn'>{t.deactivateTitle}</Text>
          <LineField label={t.reason} inputClass='input-deactivate-reason' value={reason} maxlength={200} placeholder={t.reasonPlaceholder} errorClass='error-reason' onChange={setReason} />
          <PrimaryButton className='btn-confirm-deactivate' busy={busy} disabled={reason.trim().length < 2} onClick={deactivate}>
            {t.confirmDeactivate}
          </PrimaryButton>
        </View>
      )}
    </View>
  );
}
