import { Text, View } from '@tarojs/components';
import type { CaseView } from '../../../hooks/useComplaints';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { basisTexts, classLabel } from '../../../utils/complaint-labels';

type Proposal = NonNullable<CaseView['proposal']>;

/** C2 C3: the class the system proposes, and the handbook's reasons for it. */
export default function ProposalCard({ proposal }: { proposal: Proposal }) {
  const t = deskUi.deskComplaint;
  return (
    <View className='card proposal-card'>
      <Text className='section-title'>{t.proposalTitle}</Text>
      <Text className='proposal-class'>{classLabel(proposal)}</Text>
      <Text className='muted proposal-because-label'>{t.proposalBecause}</Text>
      {basisTexts(proposal.because).map((text) => (
        <Text key={text} className='proposal-because'>
          {`· ${text}`}
        </Text>
      ))}
    </View>
  );
}
