import type { Deps } from '../_shared/deps';
import { ActionFailure } from '../_shared/failures';
import { errCodeOf } from '../_shared/wechat';

/**
 * WeChat's answer to a code that is wrong, expired, already used or another mini-program's (40029
 * invalid code: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html).
 * Only that is the person's to fix; WeChat being busy or refusing the function is not, and is thrown.
 */
const INVALID_PHONE_CODE = 40029;

/**
 * Issue 7 (4): the number a person typed, or the one behind the phone-number button's one-time
 * code, asked of WeChat once, before any transaction (a code cannot be used twice).
 */
export const phoneOf = async (deps: Deps, input: { phone?: string; phoneCode?: string }): Promise<string> => {
  if (input.phone !== undefined) return input.phone;
  if (!deps.wechat || !input.phoneCode) throw new ActionFailure('MEMBER.PHONE_CODE');
  try {
    return await deps.wechat.phoneNumberOf(input.phoneCode);
  } catch (e) {
    if (errCodeOf(e) === INVALID_PHONE_CODE) throw new ActionFailure('MEMBER.PHONE_CODE');
    throw e;
  }
};
