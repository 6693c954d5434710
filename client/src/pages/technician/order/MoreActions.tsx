import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { RepairView } from '../../../offline/commands';
import type { OnSiteOrder } from '../../../hooks/useOnSiteOrder';
import { ui } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';
import { canReportNoAnswer } from './next-step';
import NoAnswerPanel from './NoAnswerPanel';
import BlockerPanel from './BlockerPanel';
import ReasonForm from './ReasonForm';

type Panel = 'noAnswer' | 'blocker' | 'sendBack';

/** The steps off the main path: nobody home (R5), a blocker (R9), sending the order back (R11). */
export default function MoreActions({ order, view }: { order: OnSiteOrder; view: RepairView }) {
  const t = technicianUi.onSite;
  const [open, setOpen] = useState<Panel | null>(null);
  const done = (queued: boolean) => {
    if (queued) toastOk(t.saved);
    else toastError(ui.sync.conflict);
    setOpen(null);
  };
  const close = () => setOpen(null);

  if (open === 'noAnswer') return <NoAnswerPanel view={view} onNote={(note) => done(order.run('noAnswer', { note }))} onClose={close} />;
  if (open === 'blocker') return <BlockerPanel onReport={(kind, reason) => done(order.run('reportBlocker', { kind, reason }))} onClose={close} />;
  if (open === 'sendBack') {
    return (
      <ReasonForm
        className='send-back-form'
        title={t.sendBack.title}
        hint={t.sendBack.hint}
        presets={t.sendBack.presets}
        inputClass='input-send-back-reason'
        submitClass='btn-confirm-send-back'
        submitText={t.sendBack.submit}
        needText={t.sendBack.needReason}
        onSubmit={(reason) => done(order.run('sendBack', { reason }))}
        onCancel={close}
      />
    );
  }

  const noAnswer = canReportNoAnswer(view);
  const blocker = view.actions.includes('reportBlocker');
  const sendBack = view.actions.includes('sendBack');
  if (!noAnswer && !blocker && !sendBack) return null;
  return (
    <View className='more-actions'>
      {noAnswer && (
        <Button className='btn btn-secondary btn-no-answer' onClick={() => setOpen('noAnswer')}>
          {t.noAnswer.button}
        </Button>
      )}
      {blocker && (
        <Button className='btn btn-secondary btn-report-blocker' onClick={() => setOpen('blocker')}>
          {t.blocker.button}
        </Button>
      )}
      {sendBack && (
        <Button className='btn btn-plain btn-send-back' onClick={() => setOpen('sendBack')}>
          {t.sendBack.button}
        </Button>
      )}
    </View>
  );
}
