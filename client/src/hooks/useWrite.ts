import { useCallback, useState } from 'react';
import type { Action } from '@shared/contracts';
import { call, type CallInput } from '../api';
import { toastError, toastOk } from '../utils/toast';

/**
 * A write among `W`: the refusal's own words kept to show beside the form (why a handover or a read
 * is refused) and toasted, `done` said on success (null: nothing to say), and the answer handed on.
 */
export const useWrite = <W extends Action>() => {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const write = useCallback(async <A extends W>(action: A, input: CallInput<A>, done: string | null) => {
    setBusy(true);
    const res = await call(action, input);
    setBusy(false);
    if (!res.ok) {
      setRefusal(res.message);
      toastError(res.message);
      return null;
    }
    setRefusal(null);
    if (done) toastOk(done);
    return res.data;
  }, []);
  return { busy, refusal, write };
};
