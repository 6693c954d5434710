import { repairsActions } from '@shared/contracts/repairs.contract';
import { defineFunction, replaysFirst } from '../_shared/router';
import { createRepair, registerRepair } from './create';
import { assigned, getRepair, inbox, listMine } from './queries';
import { suggestTechnicians } from './technicians';
import { dispatchRepair } from './dispatch';
import { findResidents } from './residents';
import { fees, scorecards, summary } from './scorecards';
import * as steps from './steps';
import { decideRepairContent } from './screen';

export const handle = defineFunction('repairs', repairsActions, {
  // Issue 16: read its command's record first (replaysFirst, router.ts): a replay must not take a place of the day nor send the text to be checked again.
  create: replaysFirst(createRepair),
  listMine,
  get: getRepair,
  inbox,
  assigned,
  technicians: suggestTechnicians,
  dispatch: dispatchRepair,
  register: registerRepair,
  findResidents,
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
  fees,
  scorecards,
  summary,
  decideContent: decideRepairContent,
});
