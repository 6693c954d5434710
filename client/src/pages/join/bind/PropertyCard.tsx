import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Remote } from '../../../hooks/useAction';
import DeskPhoneButton from '../../../components/DeskPhoneButton';
import LineField from '../../../components/LineField';
import { ui } from '../../../i18n/ui.zh-CN';
import { joinUi } from '../../../i18n/join.zh-CN';

export interface PropertyInfo {
  propertyId: string;
  name: string;
  deskPhone: string;
}

interface Props {
  /** The property the scanned code named; its id is not asked for then. */
  linked: boolean;
  propertyId: string;
  info: Remote<PropertyInfo>;
  error?: string;
  onFind: (propertyId: string) => void;
}

/** Which property: its name and the desk's phone as soon as it is known (all a newcomer may see of it). */
export default function PropertyCard({ linked, propertyId, info, error, onFind }: Props) {
  const t = joinUi.bind;
  const [typed, setTyped] = useState(propertyId);
  return (
    <View className='card bind-property'>
      <Text className='section-title'>{t.property}</Text>
      {info.data && (
        <>
          <Text className='bind-property-name'>{info.data.name}</Text>
          <Text className='muted bind-desk-phone'>{`${ui.common.deskPhone} ${info.data.deskPhone}`}</Text>
          <DeskPhoneButton phone={info.data.deskPhone} look='plain' />
        </>
      )}
      {info.error && <Text className='field-error bind-property-problem'>{info.error.message}</Text>}
      {(!linked || info.error) && (
        <>
          <LineField
            label={t.propertyId}
            inputClass='input-property-id'
            value={typed}
            maxlength={64}
            placeholder={t.propertyIdPlaceholder}
            onChange={setTyped}
            errorClass='error-property-id'
          />
          <Button className='btn btn-secondary btn-find-property' onClick={() => onFind(typed.trim())}>
            {propertyId && info.loading ? t.finding : t.findProperty}
          </Button>
        </>
      )}
      {error && <Text className='field-error error-propertyId'>{error}</Text>}
    </View>
  );
}
