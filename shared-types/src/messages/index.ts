import { zhCN, type ErrorCode } from './zh-CN';
import { err, type Err } from '../result';

export { zhCN, type ErrorCode };
export const messages = zhCN;

export const failure = (code: ErrorCode): Err<ErrorCode> => err(code, messages.errors[code]);
