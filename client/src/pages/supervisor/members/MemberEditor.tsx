import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import * as members from '@shared/contracts/members.contract';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { StaffRole } from '@shared/model/invitation.model';
import { Skill } from '@shared/model/member.model';
import { call, type CallResult } from '../../../api';
import type { MemberView } from '../../../hooks/useMembers';
import CheckItem from '../../../components/CheckItem';
import ChoiceChips from '../../../components/ChoiceChips';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';

const MIN_REASON = 2;

const confirmed = async (name: string): Promise<boolean> => {
  const t = supervisorUi.members;
  const answer = await Taro.showModal({ title: t.confirmTitle, content: fill(t.confirmContent, { name }) }).catch(() => ({ confirm: false }));
  return answer.confirm;
};

interface Props {
  member: MemberView;
  propertyId: string;
  onDone: () => void;
}

/** Issue 7 (3), managers only: another role, a technician's skills (R4), or deactivation for someone who leaves. */
export default function MemberEditor({ member, propertyId, onDone }: Props) {
  const t = supervisorUi.members;
  const [role, setRole] = useState<StaffRole | null>(StaffRole.safeParse(member.role).data ?? null);
  const [skills, setSkills] = useState<Skill[]>(member.skills);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const scope = { propertyId, memberId: member.id };

  const run = async (send: () => Promise<CallResult<unknown>>, done: string) => {
    if (busy) return;
    setBusy(true);
    const res = await send();
    setBusy(false);
    if (!res.ok) {
      setProblem(res.message);
      return toastError(res.message);
    }
    toastOk(done);
    onDone();
  };

  const saveRole = () => (role && role !== member.role ? run(() => call(members.setRole, { ...scope, role }), t.saved) : undefined);
  const saveSkills = () => run(() => call(members.setSkills, { ...scope, skills }), t.saved);
  const deactivate = async () => {
    if (reason.trim().length < MIN_REASON) return setProblem(t.needReason);
    if (!(await confirmed(member.name))) return;
    await run(() => call(members.deactivate, { ...scope, reason: reason.trim() }), t.deactivated);
  };
  const toggle = (skill: Skill, on: boolean) => setSkills((current) => (on ? [...current, skill] : current.filter((s) => s !== skill)));

  return (
    <View className='member-editor' id={`member-editor-${member.id}`}>
      <Text className='line-label'>{t.changeRole}</Text>
      <ChoiceChips options={StaffRole.options} value={role} label={(r) => messages.roles[r]} name={`role-${member.id}`} onPick={setRole} />
      <PrimaryButton className='btn-save-role' busy={busy} disabled={role === member.role} onClick={saveRole}>
        {t.changeRole}
      </PrimaryButton>
      {member.role === 'technician' && (
        <>
          <Text className='line-label'>{t.skills}</Text>
          {Skill.options.map((skill) => (
            <CheckItem
              key={skill}
              className={`skill-${skill}`}
              checked={skills.includes(skill)}
              label={ui.desk.skills[skill]}
              onChange={(on) => toggle(skill, on)}
            />
          ))}
          <PrimaryButton className='btn-save-skills' busy={busy} onClick={saveSkills}>
            {t.setSkills}
          </PrimaryButton>
        </>
      )}
      <ReasonField
        label={t.deactivateReason}
        labelClass='line-label'
        inputClass='member-reason input-deactivate-reason'
        value={reason}
        placeholder={t.deactivateReasonPlaceholder}
        onChange={(value) => {
          setReason(value);
          setProblem('');
        }}
      />
      {problem && <Text className='field-error member-problem'>{problem}</Text>}
      <Button className='btn btn-plain btn-deactivate' onClick={() => void deactivate()}>
        {t.deactivate}
      </Button>
    </View>
  );
}
