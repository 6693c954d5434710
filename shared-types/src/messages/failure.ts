import { err, type Err } from '../result';
import { refusals, type ErrorCode } from './refusals.zh-CN';

/** A refusal with its words. Its own module, so a function bundle importing it takes no other part of the catalogue (issue 16). */
export const failure = (code: ErrorCode): Err<ErrorCode> => err(code, refusals[code]);
