export type Ok<T> = { ok: true; data: T };
export type Err<C extends string = string> = { ok: false; code: C; message: string };
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = <C extends string>(code: C, message: string): Err<C> => ({ ok: false, code, message });
