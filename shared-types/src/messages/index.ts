import { functionWords } from './function-words.zh-CN';
import { fieldLabels, fieldProblems } from './labels.zh-CN';
import { refusals, type ErrorCode } from './refusals.zh-CN';
import { zhCN } from './zh-CN';

export { format } from './format';
export { failure } from './failure';
export type { ErrorCode };

/**
 * The whole catalogue in one object: every refusal's words, every field's label, the words pages show
 * and those only the functions write. Tests, the bench and the local runtime read it. The client imports
 * the parts it shows itself (zh-CN.ts, common.zh-CN.ts, …) and shows the message a refusal arrives with
 * (issue 16: the weapp main package); a cloud function reads the same groups through `./words` as a
 * namespace and takes `failure` and `format` from their own modules, so its bundle keeps only what it reads.
 */
export const messages = { errors: refusals, fields: fieldLabels, fieldProblems, ...zhCN, ...functionWords };
