export type Ok<T> = { ok: true; data: T };
/** One input field a refusal names (issue 12, 3.11): its path, its label and what is wrong, in Chinese. */
export interface FieldError {
  field: string;
  label: string;
  message: string;
  /** Present when it is too long: the limit and how long it was (characters, or items of a list). */
  limit?: { max: number; length: number };
}
/** `fields`: on COMMON.BAD_INPUT, every field the contract refused; a client that does not know it ignores it. */
export type Err<C extends string = string> = { ok: false; code: C; message: string; fields?: FieldError[] };
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = <C extends string>(code: C, message: string): Err<C> => ({ ok: false, code, message });
