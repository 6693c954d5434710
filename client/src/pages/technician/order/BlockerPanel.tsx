import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BlockerKind } from '@shared/model/repair.model';
import type * as z from 'zod/mini';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import ReasonForm from './ReasonForm';

type Kind = z.infer<typeof BlockerKind>;

interface Props {
  onReport: (kind: Kind, reason: string) => void;
  onClose: () => void;
}

/** R9: something outside his hands stops the work; the desk hears at once and the return clock pauses. */
export default function BlockerPanel({ onReport, onClose }: Props) {
  const t = technicianUi.onSite.blocker;
  const [kind, setKind] = useState<Kind>('parts');
  return (
    <ReasonForm
      className='blocker-form'
      title={t.title}
      presets={t.presets}
      inputClass='input-blocker-reason'
      submitClass='btn-send-blocker'
      submitText={t.submit}
      needText={t.needReason}
      onSubmit={(reason) => onReport(kind, reason)}
      onCancel={onClose}
    >
      <Text className='muted'>{t.kind}</Text>
      <View className='chips blocker-kinds'>
        {BlockerKind.options.map((k) => (
          <View key={k} className={`chip blocker-kind-${k}${kind === k ? ' chip-on' : ''}`} onClick={() => setKind(k)}>
            {t.kinds[k]}
          </View>
        ))}
      </View>
      <Text className='muted'>{t.reason}</Text>
    </ReasonForm>
  );
}
