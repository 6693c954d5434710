import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { RepairView } from '../../../offline/commands';
import type { OnSiteOrder } from '../../../hooks/useOnSiteOrder';
import { useSubscribeConsent } from '../../../hooks/useSubscribeConsent';
import { fill, ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';
import ActionBar from '../../../components/ActionBar';
import { nextStepOf } from './next-step';
import QuotePanel from './QuotePanel';
import AcceptScreen from './AcceptScreen';
import CompletePanel from './CompletePanel';
import SignOffScreen from './SignOffScreen';

/** Where the order stands when there is no step for him: said in words. */
const stateText = (view: RepairView): string | null => {
  const t = technicianUi.onSite.state;
  if (view.rating) return fill(t.rated, { quality: view.rating.quality, attitude: view.rating.attitude });
  if (view.status in t) return t[view.status as keyof typeof t];
  return null;
};

/**
 * The main path, one big button at a time (R4–R7): 接单 → 到场 → 报价 → the resident accepts and
 * signs → 完工 → the resident signs and rates in the same step (R7: stars on his phone count only
 * with the resident's signature; afterwards the resident rates on their own phone); extra work found while working is a revised quote the
 * resident accepts again (R6). Every step is queued and the page moves on at once; the next step's
 * button sits in the bar fixed at the bottom, where his thumb is.
 */
export default function StepPanel({ order, view }: { order: OnSiteOrder; view: RepairView }) {
  const t = technicianUi.onSite;
  const step = order.conflict ? null : nextStepOf(view);
  const [form, setForm] = useState<'quote' | 'complete' | null>(null);
  const askConsent = useSubscribeConsent();
  const take = (queued: boolean) => {
    if (queued) toastOk(t.saved);
    else toastError(ui.sync.conflict);
    setForm(null);
  };

  const takeStep = (action: 'acknowledge' | 'arrive' | 'clearBlocker') => {
    askConsent();
    take(order.run(action, {}));
  };

  const big = (action: 'acknowledge' | 'arrive' | 'clearBlocker') => (
    <Button className={`btn btn-primary btn-next-step btn-${action === 'clearBlocker' ? 'clear-blocker' : action}`} onClick={() => takeStep(action)}>
      {t.steps[action]}
    </Button>
  );

  if (step === 'acknowledge' || step === 'arrive' || step === 'clearBlocker') return <ActionBar>{big(step)}</ActionBar>;
  if (form === 'quote' && (step === 'quote' || step === 'accept' || step === 'complete')) {
    return <QuotePanel fees={order.fees} quote={view.quote} onSend={(items) => take(order.run('quote', { items }))} />;
  }
  if (step === 'quote') {
    return (
      <ActionBar>
        <Button className='btn btn-primary btn-next-step btn-quote' onClick={() => setForm('quote')}>
          {t.steps.quote}
        </Button>
      </ActionBar>
    );
  }
  if (step === 'accept') {
    return <AcceptScreen view={view} onAccept={(signature) => take(order.run('accept', signature ? { signature } : {}))} onRequote={() => setForm('quote')} />;
  }
  if (step === 'complete' && form === 'complete') return <CompletePanel view={view} onComplete={(input) => take(order.run('complete', input))} />;
  if (step === 'complete') {
    return (
      <View className='step-panel'>
        <Text className='card state-line state-in_progress'>{t.state.in_progress}</Text>
        <ActionBar>
          <Button className='btn btn-primary btn-next-step btn-finish' onClick={() => setForm('complete')}>
            {t.steps.complete}
          </Button>
        </ActionBar>
        {view.actions.includes('quote') && (
          <Button className='btn btn-secondary btn-requote-extra' onClick={() => setForm('quote')}>
            {t.quote.extra}
          </Button>
        )}
      </View>
    );
  }
  if (step === 'signOff') return <SignOffScreen view={view} onSignOff={(input) => take(order.run('signOff', input))} />;
  const said = stateText(view);
  return said ? <Text className={`card state-line state-${view.status}`}>{said}</Text> : null;
}
