import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as duty from '@shared/contracts/duty.contract';
import type * as z from 'zod/mini';
import PrimaryButton from '../../../components/PrimaryButton';
import { useDutyWrite } from '../../../hooks/useDuty';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import { shanghaiTime } from '../../../utils/time';
import EntryFields, { emptyEntry, type EntryDraft } from './EntryFields';

type Proposal = z.infer<typeof duty.ProposalView>;

/** D1: an event the system already knows of, confirmed onto the page with how the desk handled it, not typed again. */
export default function ProposalCard({ proposal, propertyId, onDone }: { proposal: Proposal; propertyId: string; onDone: () => void }) {
  const [draft, setDraft] = useState<EntryDraft>(() => ({ ...emptyEntry(), kind: proposal.kind, what: proposal.what, status: 'following' }));
  const { busy, refusal, write } = useDutyWrite();
  const confirm = async () => {
    const { handling, followUp, result, status } = draft;
    if (await write(duty.confirmProposal, { propertyId, source: proposal.source, handling, followUp, result, status }, dutyUi.confirmed)) onDone();
  };
  return (
    <View className='card duty-proposal'>
      <Text className='duty-proposal-kind'>{`${shanghaiTime(new Date(proposal.at))} · ${dutyUi.kinds[proposal.kind]}`}</Text>
      <Text className='duty-proposal-what'>{proposal.what}</Text>
      <EntryFields draft={draft} fixed name='proposal' onChange={setDraft} />
      {refusal && <Text className='field-error duty-refusal'>{refusal}</Text>}
      <PrimaryButton className='btn-confirm-proposal' busy={busy} onClick={confirm}>
        {dutyUi.confirm}
      </PrimaryButton>
    </View>
  );
}
