import { useState } from 'react';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../../../components/Icon';
import { Button, Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { call } from '../../../api';
import type { BindingView } from '../../../hooks/useMembers';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { callPhone } from '../../../utils/phone';
import { formatWhen } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

const MIN_REASON = 2;

interface Props {
  item: BindingView;
  propertyId: string;
  /** Reviewed here or already by someone else: the list is reloaded. */
  onDone: () => void;
}

/**
 * One request: who asks for which room, the masked phone (the full one on request, logged, to call
 * them back and check), and approve or reject with a reason the applicant will read.
 */
export default function BindingRow({ item, propertyId, onDone }: Props) {
  const t = ui.deskBindings;
  const [phone, setPhone] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    const res = await call(members.revealBindingPhone, { propertyId, bindingId: item.id });
    if (res.ok) setPhone(res.data.phone);
    else toastError(res.message);
  };

  const review = async (decision: 'approve' | 'reject') => {
    if (busy) return;
    const typed = reason.trim();
    if (decision === 'reject' && typed.length < MIN_REASON) return setProblem(t.needReason);
    setBusy(true);
    const res = await call(members.reviewBinding, { propertyId, bindingId: item.id, version: item.version, decision, reason: decision === 'reject' ? typed : '' });
    setBusy(false);
    if (res.ok) {
      toastOk(decision === 'approve' ? t.approved : t.rejected);
      return onDone();
    }
    toastError(res.message);
    if (res.code === 'BINDING.ALREADY_REVIEWED' || res.code === 'COMMON.VERSION_CONFLICT') return onDone();
    setProblem(res.message);
  };

  return (
    <View className='card binding-row' id={`binding-${item.id}`}>
      <Text className='binding-address'>{item.address}</Text>
      <Text className='binding-who'>{fill(t.who, { name: item.name, relation: messages.relations[item.relation] })}</Text>
      {item.invitedBy && <Text className='binding-invited'>{fill(deskUi.invitedBy, { owner: item.invitedBy })}</Text>}
      <Text className='muted binding-asked'>{fill(t.askedAt, { when: formatWhen(item.createdAt) })}</Text>
      {phone ? (
        <Button className='btn btn-secondary btn-call-applicant' onClick={() => callPhone(phone)}>
          <Icon of={Phone} />{fill(t.call, { phone })}
        </Button>
      ) : (
        <View className='binding-phone-row'>
          <Text className='binding-phone'>{fill(t.phone, { phone: item.phone })}</Text>
          <Button className='btn btn-plain btn-reveal-phone' onClick={() => void reveal()}>
            {t.reveal}
          </Button>
        </View>
      )}
      {rejecting ? (
        <View className='binding-reject'>
          <ReasonField
            label={t.reason}
            labelClass='binding-label'
            inputClass='binding-reason input-reject-reason'
            value={reason}
            placeholder={t.reasonPlaceholder}
            onChange={(value) => {
              setReason(value);
              setProblem('');
            }}
          />
          {problem && <Text className='field-error binding-problem'>{problem}</Text>}
          <PrimaryButton className='btn-confirm-reject' busy={busy} onClick={() => review('reject')}>
            {t.confirmReject}
          </PrimaryButton>
          <Button className='btn btn-plain btn-cancel-reject' onClick={() => setRejecting(false)}>
            {t.cancel}
          </Button>
        </View>
      ) : (
        <View className='binding-actions'>
          {problem && <Text className='field-error binding-problem'>{problem}</Text>}
          <PrimaryButton className='btn-approve-binding' busy={busy} onClick={() => review('approve')}>
            {t.approve}
          </PrimaryButton>
          <Button className='btn btn-plain btn-reject-binding' onClick={() => setRejecting(true)}>
            {t.reject}
          </Button>
        </View>
      )}
    </View>
  );
}
