import { useCallback, useState } from 'react';
import type { Action } from '@shared/contracts/action';
import { call, type CallInput, type CallOutput } from '../api';
import { newCommandId } from '../api/command-id';
import { fieldErrorsOf } from '../utils/field-errors';
import { toastError } from '../utils/toast';

/**
 * Sending a form kept as a draft. The command id is made on the first send and kept on the draft, so
 * a second tap after a dropped network resends the same command. A field the function rejects gets
 * the form's own message; any other failure is said above the button and in a toast.
 */
export const useDraftSend = <F extends string>(fieldErrors: Readonly<Record<F, string>>) => {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [problem, setProblem] = useState('');
  const [sending, setSending] = useState(false);

  /** The person is changing the form: what was wrong with it no longer stands. */
  const forget = useCallback(() => {
    setErrors({});
    setProblem('');
  }, []);

  /** The function's answer when it worked; null when it did not, with the errors shown. */
  const send = async <A extends Action>(
    action: A,
    input: CallInput<A>,
    draft: { commandId: string | null },
    update: (patch: { commandId: string }) => void,
  ): Promise<CallOutput<A> | null> => {
    const commandId = draft.commandId ?? newCommandId();
    update({ commandId });
    setSending(true);
    const res = await call(action, input, { commandId });
    setSending(false);
    if (res.ok) return res.data;
    const named = fieldErrorsOf(res.fields, fieldErrors);
    if (named) {
      setErrors(named);
      return null;
    }
    setProblem(res.message);
    toastError(res.message);
    return null;
  };

  return { errors, setErrors, problem, sending, forget, send };
};
