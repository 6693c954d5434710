import type { Deps } from '../_shared/deps';
import { ActionFailure } from '../_shared/failures';

/**
 * Issue 7 (4): the number a person typed, or the one behind the phone-number button's one-time
 * code, asked of WeChat once, before any transaction (a code cannot be used twice).
 */
export const phoneOf = async (deps: Deps, input: { phone?: string; phoneCode?: string }): Promise<string> => {
  if (input.phone !== undefined) return input.phone;
  if (!deps.wechat || !input.phoneCode) throw new ActionFailure('MEMBER.PHONE_CODE');
  try {
    return await deps.wechat.phoneNumberOf(input.phoneCode);
  } catch {
    throw new ActionFailure('MEMBER.PHONE_CODE');
  }
};
