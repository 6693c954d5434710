import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import * as members from '@shared/contracts/members.contract';
import { canInvite } from '@shared/domain/invitation.rules';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { Role } from '@shared/model/member.model';
import { StaffRole } from '@shared/model/invitation.model';
import { call } from '../../../api';
import ChoiceChips from '../../../components/ChoiceChips';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatDueBy } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

type Issued = z.infer<typeof members.IssuedInvitation>;
const HOURS = ['24', '72', '168'] as const;
type Hours = (typeof HOURS)[number];

/** The code, shown this once, big enough to read out, with a copy button and the scene for a mini-program code. */
export function IssuedCode({ issued }: { issued: Issued }) {
  const t = supervisorUi.members;
  const { code } = issued;
  if (!code) return <Text className='field-error invite-code-gone'>{t.codeGone}</Text>;
  const copy = () =>
    void Taro.setClipboardData({ data: code })
      .then(() => toastOk(t.copied))
      .catch(() => undefined);
  return (
    <View className='invite-issued'>
      <Text className='muted'>{t.codeTitle}</Text>
      <Text className='invite-code' userSelect>
        {code}
      </Text>
      <Text className='muted invite-for'>{`${messages.roles[issued.role]} · ${fill(t.expires, { when: formatDueBy(issued.expiresAt) })}`}</Text>
      <Button className='btn btn-secondary btn-copy-code' onClick={copy}>
        {t.copy}
      </Button>
      <Text className='muted invite-hint'>{t.codeHint}</Text>
      {issued.qrImage && <Image className='invite-qr' mode='aspectFit' src={`data:${issued.qrImage.mime};base64,${issued.qrImage.base64}`} />}
      {issued.qr && <Text className='muted invite-scene'>{fill(t.scene, { scene: issued.qr.scene })}</Text>}
    </View>
  );
}

/** Issue 7 (3): an invitation for one person in a staff role, usable once before it expires. */
export default function InvitePanel({ propertyId, inviter, onIssued }: { propertyId: string; inviter: Role; onIssued: () => void }) {
  const t = supervisorUi.members;
  const roles = StaffRole.options.filter((role) => canInvite(inviter, role));
  const [role, setRole] = useState<StaffRole>('desk');
  const [hours, setHours] = useState<Hours>('72');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);

  const invite = async () => {
    if (busy) return;
    setBusy(true);
    const res = await call(members.invite, { propertyId, role, hours: Number(hours), note: note.trim() });
    setBusy(false);
    if (!res.ok) return toastError(res.message);
    setIssued(res.data);
    setNote('');
    onIssued();
  };

  return (
    <View className='card invite-panel'>
      <Text className='section-title'>{t.inviteTitle}</Text>
      <Text className='line-label'>{t.role}</Text>
      <ChoiceChips options={roles} value={role} label={(r) => messages.roles[r]} name='invite-role' onPick={setRole} />
      <Text className='line-label invite-hours-label'>{t.hours}</Text>
      <ChoiceChips options={HOURS} value={hours} label={(h) => t.hourChoices[h]} name='invite-hours' onPick={setHours} />
      <LineField label={t.note} inputClass='input-invite-note' value={note} maxlength={40} placeholder={t.notePlaceholder} errorClass='error-note' onChange={setNote} />
      <PrimaryButton className='btn-invite' busy={busy} onClick={invite}>
        {busy ? t.inviting : t.invite}
      </PrimaryButton>
      {issued && <IssuedCode issued={issued} />}
    </View>
  );
}
