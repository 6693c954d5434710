import { err, type Err } from '../result';
import { functionWords } from './function-words.zh-CN';
import { fieldLabels, fieldProblems } from './labels.zh-CN';
import { refusals, type ErrorCode } from './refusals.zh-CN';
import { zhCN } from './zh-CN';

export { format } from './format';
export type { ErrorCode };

/**
 * The whole catalogue, as the functions answer with it: every refusal's words, every field's label, the
 * words pages show and those only the functions write. The client imports the parts it shows itself
 * (zh-CN.ts, common.zh-CN.ts, …) and shows the message a refusal arrives with (issue 16: the weapp main package).
 */
export const messages = { errors: refusals, fields: fieldLabels, fieldProblems, ...zhCN, ...functionWords };

export const failure = (code: ErrorCode): Err<ErrorCode> => err(code, messages.errors[code]);
