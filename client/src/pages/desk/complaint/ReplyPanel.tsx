import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as complaints from '@shared/contracts/complaints.contract';
import { expectedReplyForm } from '@shared/domain/complaint-reply.rules';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { ReplyForm } from '@shared/model/complaint.model';
import { useComplaintStep, type CaseView } from '../../../hooks/useComplaints';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import ChoiceChips from '../../../components/ChoiceChips';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { fill } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { refOf } from './case-ref';

const forms: readonly ReplyForm[] = ['visit', 'letter', 'phone'];
const MIN_CONTENT = 2;

interface Props {
  view: CaseView;
  propertyId: string;
  onDone: () => void;
}

/** C5: the reply, in the complaint's own form (a walk-in gets a visit, a call a call, a letter or e-mail a letter). */
export default function ReplyPanel({ view, propertyId, onDone }: Props) {
  const askConsent = useSubscribeConsent();
  const t = deskUi.deskComplaint;
  const expected = expectedReplyForm(view.kind === 'complaint' ? view.channel : null);
  const [form, setForm] = useState<ReplyForm | null>(expected);
  const [content, setContent] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const { busy, problem, run } = useComplaintStep(onDone);

  const submit = async () => {
    askConsent();
    if (busy) return;
    if (!form) return setMissing(t.needForm);
    if (content.trim().length < MIN_CONTENT) return setMissing(t.needContent);
    await run(complaints.reply, { propertyId, ref: refOf(view), version: view.version, form, content: content.trim() }, t.replied);
  };

  return (
    <View className='card reply-panel'>
      <Text className='section-title'>{t.replyTitle}</Text>
      <Text className='desk-label'>{t.replyForm}</Text>
      <ChoiceChips
        options={forms}
        value={form}
        label={(f) => messages.replyForms[f]}
        name='reply-form'
        onPick={(f) => {
          setForm(f);
          setMissing(null);
        }}
      />
      {expected && <Text className='muted reply-expected'>{fill(t.replyExpected, { form: messages.replyForms[expected] })}</Text>}
      <ReasonField
        label={t.replyContent}
        labelClass='desk-label'
        inputClass='desk-textarea input-reply-content'
        maxlength={500}
        value={content}
        placeholder={t.replyPlaceholder}
        onChange={(value) => {
          setContent(value);
          setMissing(null);
        }}
      />
      {(missing ?? problem) && <Text className='field-error reply-problem'>{missing ?? problem}</Text>}
      <PrimaryButton className='btn-reply' busy={busy} onClick={submit}>
        {busy ? t.submitting : t.reply}
      </PrimaryButton>
    </View>
  );
}
