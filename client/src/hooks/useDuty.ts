import * as duty from '@shared/contracts/duty.contract';
import { useAction } from './useAction';
import { useReadySession } from './useSession';
import { useWrite } from './useWrite';

export type DutyPage = duty.PageViewT;
export type DutyEntryView = duty.EntryViewT;
export type DutyDay = ReturnType<typeof useDutyDay>['data'];

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** D1: the page of the shift on duty. */
export const useDutyPage = () => useAction(duty.page, useScope(), ['role']);

/** D2: a Shanghai date's pages and signature. */
export const useDutyDay = (date: string) => {
  const scope = useScope();
  return useAction(duty.day, scope ? { ...scope, date } : null, ['role']);
};

type Writes = typeof duty.logEntry | typeof duty.confirmProposal | typeof duty.updateEntry | typeof duty.recordEmergency | typeof duty.signIn | typeof duty.handOver | typeof duty.receive | typeof duty.signDay;

/** A duty write: the refusal's own words shown (why a handover is refused), `done` said on success. */
export const useDutyWrite = () => useWrite<Writes>();
