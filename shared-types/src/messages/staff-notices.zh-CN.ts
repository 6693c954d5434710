/**
 * C4: what the manager reads when a complaint turns major: what happened, its class, and who is on it.
 * Only the functions build these notices, so the text stays out of the mini-program's main package.
 */
export const staffNoticeTexts = {
  majorTold: '{what}（{class}），{by}正在跟进',
} as const;
