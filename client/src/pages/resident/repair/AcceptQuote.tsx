import { Text, View } from '@tarojs/components';
import * as repairs from '@shared/contracts/repairs.contract';
import { useRepairStep } from '../../../hooks/useRepairs';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import PrimaryButton from '../../../components/PrimaryButton';
import QuoteView from '../../../components/QuoteView';
import type { RepairDetailView } from '../../../components/RepairSummary';
import { ui } from '../../../i18n/ui.zh-CN';

interface Props {
  repair: RepairDetailView;
  propertyId: string;
  onDone: () => void;
}

/** R6: the quote on the resident's own phone: items and total in yuan, and one big button to agree. */
export default function AcceptQuote({ repair, propertyId, onDone }: Props) {
  const askConsent = useSubscribeConsent();
  const t = ui.quote;
  const { busy, run } = useRepairStep(onDone);
  if (!repair.quote) return null;
  const accept = () => {
    askConsent();
    if (busy) return;
    void run(repairs.accept, { propertyId, repairId: repair.id, version: repair.version }, t.accepted);
  };
  return (
    <View className='card accept-quote'>
      <Text className='section-title'>{t.title}</Text>
      <QuoteView quote={repair.quote} />
      <Text className='accept-hint'>{t.acceptHint}</Text>
      <PrimaryButton id='btn-accept-quote-own' className='btn-accept-quote-own' busy={busy} onClick={accept}>
        {busy ? t.accepting : t.accept}
      </PrimaryButton>
    </View>
  );
}
