import { zhCN, type ErrorCode } from './zh-CN';
import { err, type Err } from '../result';

export { zhCN, type ErrorCode };
export const messages = zhCN;

export const failure = (code: ErrorCode): Err<ErrorCode> => err(code, messages.errors[code]);

/** Fills `{name}` placeholders of a catalogue string. */
export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
