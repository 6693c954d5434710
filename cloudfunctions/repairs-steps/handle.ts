import * as c from '@shared/contracts/repairs.contract';
import { defineFunction } from '../_shared/router';
import { assigned } from '../repairs/queries';
import * as steps from '../repairs/steps';

/**
 * Issue 16: the repairs area's part for a repair's steps on its order: the technician's day (what is
 * assigned to him, each step on site up to the completion), the resident's sign-off and rating, the desk's or
 * supervisor's priority and send-back review.
 */
export const handle = defineFunction(
  'repairs-steps',
  {
    assigned: c.assigned,
    overridePriority: c.overridePriority,
    acknowledge: c.acknowledge,
    arrive: c.arrive,
    noAnswer: c.noAnswer,
    reschedule: c.reschedule,
    quote: c.quote,
    accept: c.accept,
    complete: c.complete,
    signOff: c.signOff,
    rate: c.rate,
    reportBlocker: c.reportBlocker,
    clearBlocker: c.clearBlocker,
    sendBack: c.sendBack,
    reviewSendBack: c.reviewSendBack,
  },
  {
    assigned,
    overridePriority: steps.overridePriority,
    acknowledge: steps.acknowledge,
    arrive: steps.arrive,
    noAnswer: steps.noAnswer,
    reschedule: steps.reschedule,
    quote: steps.quote,
    accept: steps.accept,
    complete: steps.complete,
    signOff: steps.signOff,
    rate: steps.rate,
    reportBlocker: steps.reportBlocker,
    clearBlocker: steps.clearBlockerStep,
    sendBack: steps.sendBack,
    reviewSendBack: steps.reviewSendBack,
  },
);
