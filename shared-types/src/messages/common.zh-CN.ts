/**
 * The refusals the client's own layer also says, without an answer from the server: no answer, an answer
 * it cannot read, a form checked before sending, a person with no membership. The main package carries
 * these; every other refusal arrives with its message (refusals.zh-CN.ts).
 */
export const commonErrors = {
  'COMMON.BAD_INPUT': '提交的内容不完整或格式不对，请检查后再试',
  'COMMON.NOT_A_MEMBER': '您还不是该小区的成员，请先绑定房屋或联系客服中心',
  'COMMON.BUSY': '系统繁忙，请稍后再试',
  'COMMON.INTERNAL': '系统出了点问题，请稍后再试或拨打客服电话',
} as const;
