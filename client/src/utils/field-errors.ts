import type { Action } from '@shared/contracts/action';
import type { CallInput } from '../api';
import { newCommandId } from '../api/command-id';

/**
 * A form's own message for each of its fields that a rejected call names ("preferredTime.date"
 * names preferredTime); null when the call names none of them.
 */
export function fieldErrorsOf<F extends string>(
  paths: readonly string[] | undefined,
  messages: Readonly<Record<F, string>>,
): Partial<Record<F, string>> | null {
  const named = (paths ?? [])
    .map((path) => path.split('.')[0])
    .filter((root): root is F => Boolean(root) && (root as string) in messages);
  if (named.length === 0) return null;
  return Object.fromEntries(named.map((field) => [field, messages[field]])) as Partial<Record<F, string>>;
}

/**
 * The fields of an action's input its contract rejects, checked before anything is sent, so a form
 * can name every one of them at once. A write's command fields are the client's, not the form's.
 */
export const rejectedFields = <A extends Action>(action: A, input: CallInput<A>): string[] => {
  const checked = action.input.safeParse(action.write ? { ...input, commandId: newCommandId() } : input);
  return checked.success ? [] : checked.error.issues.map((issue) => issue.path.join('.'));
};
