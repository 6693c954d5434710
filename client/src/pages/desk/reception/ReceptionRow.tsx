import { useState } from 'react';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../../../components/Icon';
import { Button, Text, View } from '@tarojs/components';
import { useWriteResult, type ReceptionView } from '../../../hooks/useReception';
import PrimaryButton from '../../../components/PrimaryButton';
import ReasonField from '../../../components/ReasonField';
import { fill } from '../../../i18n/ui.zh-CN';
import { deskUi } from '../../../i18n/desk.zh-CN';
import StatusTag from '../../../components/StatusTag';
import { receptionTones } from '../../../components/StatusTag/record-tones';
import { callPhone } from '../../../utils/phone';
import { go, routes } from '../../../utils/routes';
import { formatDue, formatWhen, shanghaiTime } from '../../../utils/time';
import { toastError, toastOk } from '../../../utils/toast';

type Status = keyof typeof deskUi.reception.statuses;
const statusOf = (item: ReceptionView): Status => (item.result ? 'answered' : item.settled ? 'settled' : 'waiting');

interface ResultProps {
  item: ReceptionView;
  propertyId: string;
  onWritten: (item: ReceptionView) => void;
  onStale: () => void;
}

/** V1: what came of an unsettled visit or call, written into the log against the version on screen. */
function ResultForm({ item, propertyId, onWritten, onStale }: ResultProps) {
  const t = deskUi.reception;
  const { busy, write } = useWriteResult();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    if (!text.trim()) return setProblem(t.needResult);
    const res = await write({ propertyId, receptionId: item.id, version: item.version, text: text.trim() });
    if (res.ok) {
      toastOk(t.written);
      return onWritten(res.data);
    }
    setProblem(res.message);
    toastError(res.message);
    // The row on screen is behind (someone wrote the result first): read the log again, keep what was typed.
    if (res.code === 'COMMON.VERSION_CONFLICT') onStale();
  };

  return (
    <View className='reception-result-form'>
      <ReasonField
        label={t.result}
        labelClass='line-label'
        inputClass='reception-result-box input-reception-result'
        value={text}
        maxlength={500}
        placeholder={t.resultPlaceholder}
        error={problem}
        errorClass='reception-result-problem'
        onChange={(value) => {
          setText(value);
          setProblem(null);
        }}
      />
      <PrimaryButton className='btn-write-result' busy={busy} onClick={submit}>
        {busy ? t.writing : t.writeResult}
      </PrimaryButton>
    </View>
  );
}

interface Props extends ResultProps {
  now: Date;
}

/**
 * V1 V2: one line of the reception log: walk-in or call, when, who, from where, on what number, about
 * what, who is responsible and who wrote it down; a call that became a repair or a complaint opens
 * it; an answer still owed shows its agreed time and the form for the result.
 */
export default function ReceptionRow({ item, propertyId, now, onWritten, onStale }: Props) {
  const t = deskUi.reception;
  const status = statusOf(item);
  const late = status === 'waiting' && item.replyBy !== null && new Date(item.replyBy) < now;
  const linked = item.linked;
  return (
    <View id={`reception-${item.id}`} className={`card reception-row reception-${status}${late ? ' reception-late' : ''}`}>
      <View className='reception-head'>
        <Text className='badge badge-normal reception-kind'>{t.kinds[item.kind]}</Text>
        <Text className='reception-time'>{shanghaiTime(new Date(item.at))}</Text>
        <Text className='reception-name'>{item.name}</Text>
        <StatusTag
          tone={receptionTones[linked ? 'linked' : status]}
          label={linked ? t.links[linked.kind] : t.statuses[status]}
          className={`reception-status reception-status-${linked ? 'linked' : status}`}
        />
      </View>
      {item.address && <Text className='muted reception-address'>{item.address}</Text>}
      {item.phone && <Text className='muted reception-phone'>{item.phone}</Text>}
      <Text className='reception-subject'>{item.subject}</Text>
      <View className='reception-who'>
        {item.department && <Text className='muted reception-department'>{fill(t.departmentShown, { department: item.department })}</Text>}
        {item.responsible && <Text className='muted reception-responsible'>{fill(t.responsibleShown, { responsible: item.responsible })}</Text>}
        <Text className='muted reception-recorder'>{fill(t.recorderShown, { recorder: item.recorder })}</Text>
      </View>
      {linked && (
        <Button
          className='btn btn-plain btn-open-linked'
          onClick={() => go(linked.kind === 'repair' ? routes.deskRepair(linked.id) : routes.deskComplaint({ kind: 'complaint', id: linked.id }))}
        >
          {t.openLink[linked.kind]}
        </Button>
      )}
      {item.result && (
        <View className='reception-answer'>
          <Text className='reception-result-text'>{fill(t.resultShown, { text: item.result.text })}</Text>
          <Text className='muted reception-result-by'>{fill(t.resultBy, { by: item.result.by, when: formatWhen(item.result.at, now) })}</Text>
        </View>
      )}
      {status === 'waiting' && (
        <>
          {item.replyBy && (
            <Text className={`reception-reply-by${late ? ' reception-reply-late' : ''}`}>
              {fill(t.replyByShown, { when: formatDue(item.replyBy, now) })}
              {late ? ` · ${t.replyLate}` : ''}
            </Text>
          )}
          {item.phone && (
            <Button className='btn btn-secondary btn-call' onClick={() => callPhone(item.phone)}>
              <Icon of={Phone} />{fill(t.call, { phone: item.phone })}
            </Button>
          )}
          <ResultForm item={item} propertyId={propertyId} onWritten={onWritten} onStale={onStale} />
        </>
      )}
    </View>
  );
}
