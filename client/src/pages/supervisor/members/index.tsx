import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import { useOpenInvitations, useStaff, type InvitationView, type MemberView } from '../../../hooks/useMembers';
import { useReadySession } from '../../../hooks/useSession';
import type { SessionContext } from '../../../store/session.store';
import LoadState from '../../../components/LoadState';
import ListFooter from '../../../components/ListFooter';
import PrivacyConsent from '../../../components/PrivacyConsent';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { formatDueBy } from '../../../utils/time';
import InvitePanel from './InvitePanel';
import MemberEditor from './MemberEditor';
import '../../../theme/controls.css';
import './index.css';

function InvitationRow({ invitation }: { invitation: InvitationView }) {
  const t = supervisorUi.members;
  return (
    <View className='card invitation-row' id={`invitation-${invitation.id}`}>
      <Text className='invitation-role'>{[messages.roles[invitation.role], invitation.note].filter(Boolean).join(' · ')}</Text>
      <Text className='muted invitation-meta'>
        {`${fill(t.invitedBy, { name: invitation.createdBy })} · ${fill(t.expires, { when: formatDueBy(invitation.expiresAt) })}`}
      </Text>
    </View>
  );
}

interface RowProps {
  member: MemberView;
  context: SessionContext;
  open: boolean;
  onToggle: () => void;
  onDone: () => void;
}

function MemberRow({ member, context, open, onToggle, onDone }: RowProps) {
  const t = supervisorUi.members;
  const manages = context.role === 'manager' && member.id !== context.memberId;
  const skills = member.skills.map((s) => ui.desk.skills[s]).join(t.skillSeparator);
  return (
    <View className='card member-row' id={`member-${member.id}`}>
      <View className='member-head'>
        <Text className='member-name'>{member.name}</Text>
        <Text className='member-role'>{messages.roles[member.role]}</Text>
      </View>
      <Text className='muted member-phone'>{member.phone}</Text>
      {member.role === 'technician' && <Text className='muted member-skills'>{fill(t.skillsLine, { skills: skills || t.noSkills })}</Text>}
      {manages && (
        <Button className='btn btn-plain btn-manage' onClick={onToggle}>
          {open ? t.close : t.manage}
        </Button>
      )}
      {manages && open && <MemberEditor member={member} propertyId={context.property.propertyId} onDone={onDone} />}
    </View>
  );
}

/** Issue 7 (3): managers and supervisors invite colleagues and see who works here; managers change roles, skills, and deactivate. */
export default function Members() {
  const context = useReadySession();
  const staff = useStaff();
  const invitations = useOpenInvitations({ bottom: false });
  const [openId, setOpenId] = useState<string | null>(null);
  const t = supervisorUi.members;
  const reloadStaff = () => {
    setOpenId(null);
    void staff.refresh();
  };
  return (
    <View className='page members'>
      <Text className='title'>{t.title}</Text>
      {context && <InvitePanel propertyId={context.property.propertyId} inviter={context.role} onIssued={() => void invitations.refresh()} />}
      <Text className='section-title'>{fill(t.openTitle, { count: invitations.total ?? 0 })}</Text>
      <LoadState
        loading={invitations.loading}
        error={invitations.error}
        onRetry={() => void invitations.refresh()}
        empty={invitations.items?.length === 0 ? t.openEmpty : null}
      >
        {invitations.items?.map((invitation) => <InvitationRow key={invitation.id} invitation={invitation} />)}
        <ListFooter list={invitations} />
      </LoadState>
      <Text className='section-title'>{fill(t.listTitle, { count: staff.total ?? 0 })}</Text>
      <LoadState loading={staff.loading} error={staff.error} onRetry={() => void staff.refresh()} empty={staff.items?.length === 0 ? t.listEmpty : null}>
        {context &&
          staff.items?.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              context={context}
              open={openId === member.id}
              onToggle={() => setOpenId(openId === member.id ? null : member.id)}
              onDone={reloadStaff}
            />
          ))}
        <ListFooter list={staff} />
      </LoadState>
      <PrivacyConsent />
    </View>
  );
}
