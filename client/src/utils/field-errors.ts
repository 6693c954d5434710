import * as z from 'zod/mini';
import type { Action } from '@shared/contracts/action';
import { fieldErrorsOf as refusedFields } from '@shared/contracts/field-errors';
import type { FieldError } from '@shared/result';
import type { CallInput } from '../api';
import { newCommandId } from '../api/command-id';

/**
 * What a rejected call says about each of a form's fields, beside that field ("preferredTime.date"
 * is the preferredTime field's): past a limit, the refusal's own words with the limit and the length
 * ("问题描述最多 500 字，现在 840 字"); otherwise the form's own words for the field, or the refusal's.
 * Null when it names none of them.
 */
export function fieldErrorsOf<F extends string>(
  fields: readonly FieldError[] | undefined,
  form: Readonly<Record<F, string>>,
): Partial<Record<F, string>> | null {
  const named: Partial<Record<F, string>> = {};
  for (const f of fields ?? []) {
    const root = f.field.split('.')[0] as F;
    if (root in form && !(root in named)) named[root] = f.limit ? f.message : (form[root] ?? f.message);
  }
  return Object.keys(named).length ? named : null;
}

/**
 * Every field of an action's input its contract rejects, checked before anything is sent, so a form
 * can name all of them at once. A write's command fields are the client's, not the form's.
 */
export const rejectedFields = <A extends Action>(action: A, input: CallInput<A>): FieldError[] => {
  const checked = action.input.safeParse(action.write ? { ...input, commandId: newCommandId() } : input, { reportInput: true });
  return checked.success ? [] : refusedFields(checked.error);
};

/**
 * What the contract says about some of a form's fields on their own (its texts), so they are named
 * together with the form's own checks while a choice is still missing and nothing can be sent. The
 * fields are read from the schema's shape, so a rule across fields (a room or a place) stays out of it.
 */
export const textFieldErrors = (schema: z.ZodMiniObject, values: Readonly<Record<string, string>>): FieldError[] => {
  const only: Record<string, true> = {};
  for (const key of Object.keys(values)) only[key] = true;
  const checked = z.pick(z.object(schema.shape), only as { [k: string]: true } & Record<number, never>).safeParse(values, { reportInput: true });
  return checked.success ? [] : refusedFields(checked.error);
};
