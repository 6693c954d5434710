import { useCallback, useState } from 'react';
import * as duty from '@shared/contracts/duty.contract';
import { call, type CallInput } from '../api';
import { useAction } from './useAction';
import { useReadySession } from './useSession';
import { toastError, toastOk } from '../utils/toast';

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

/**
 * A duty write: the refusal's own words shown (why a handover is refused), `done` said on success
 * and the answer handed on. One at a time.
 */
export const useDutyWrite = () => {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const write = useCallback(async <A extends Writes>(action: A, input: CallInput<A>, done: string) => {
    setBusy(true);
    const res = await call(action, input);
    setBusy(false);
    if (!res.ok) {
      setRefusal(res.message);
      toastError(res.message);
      return null;
    }
    setRefusal(null);
    toastOk(done);
    return res.data;
  }, []);
  return { busy, refusal, write };
};
