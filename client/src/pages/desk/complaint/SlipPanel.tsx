import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import { useComplaintStep, type CaseView } from '../../../hooks/useComplaints';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import LineField from '../../../components/LineField';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { refOf } from './case-ref';

type Missing = 'department' | 'assignee';

interface Props {
  view: CaseView;
  propertyId: string;
  onDone: () => void;
}

/** C1: what cannot be settled on the spot goes to the department and person responsible, on a handling slip. */
export default function SlipPanel({ view, propertyId, onDone }: Props) {
  const askConsent = useSubscribeConsent();
  const t = deskUi.deskComplaint;
  const [open, setOpen] = useState(view.slip === null);
  const [department, setDepartment] = useState('');
  const [assignee, setAssignee] = useState('');
  const [instructions, setInstructions] = useState('');
  const [missing, setMissing] = useState<Missing | null>(null);
  const { busy, problem, run } = useComplaintStep(onDone);

  if (!open) {
    return (
      <Button className='btn btn-secondary btn-reissue-slip' onClick={() => setOpen(true)}>
        {t.reissueSlip}
      </Button>
    );
  }

  const submit = async () => {
    askConsent();
    if (busy) return;
    if (!department.trim()) return setMissing('department');
    if (!assignee.trim()) return setMissing('assignee');
    await run(
      complaints.issueSlip,
      { propertyId, ref: refOf(view), version: view.version, department: department.trim(), assignee: assignee.trim(), instructions: instructions.trim() },
      t.slipIssued,
    );
  };

  return (
    <View className='card slip-panel'>
      <Text className='section-title'>{t.slipTitle}</Text>
      <LineField
        label={t.department}
        inputClass='input-slip-department'
        value={department}
        maxlength={40}
        placeholder={t.departmentPlaceholder}
        error={missing === 'department' ? t.needDepartment : undefined}
        errorClass='error-slip-department'
        onChange={(value) => {
          setDepartment(value);
          setMissing(null);
        }}
      />
      <LineField
        label={t.assignee}
        inputClass='input-slip-assignee'
        value={assignee}
        maxlength={40}
        placeholder={t.assigneePlaceholder}
        error={missing === 'assignee' ? t.needAssignee : undefined}
        errorClass='error-slip-assignee'
        onChange={(value) => {
          setAssignee(value);
          setMissing(null);
        }}
      />
      <ReasonField
        label={t.instructions}
        labelClass='desk-label'
        inputClass='desk-textarea input-slip-instructions'
        maxlength={500}
        value={instructions}
        placeholder={t.instructionsPlaceholder}
        onChange={setInstructions}
      />
      {problem && <Text className='field-error slip-problem'>{problem}</Text>}
      <PrimaryButton className='btn-issue-slip' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.issueSlip}
      </PrimaryButton>
    </View>
  );
}
