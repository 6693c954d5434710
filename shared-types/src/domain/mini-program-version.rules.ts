import * as z from 'zod/mini';

/**
 * Issue 13 (1.6): which version of the mini-program a deployed environment serves, named as
 * `wxacode.getUnlimited` names it (`env_version`: develop / trial / release, default release:
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode.html).
 * `subscribeMessage.send` names the same versions differently (`miniprogram_state`: developer /
 * trial / formal, default formal: https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/subscribe-message/subscribeMessage.send.html).
 * The deploy sets it on every function as an environment variable, from the manifest's environment.
 */
export const MiniProgramVersion = z.enum(['develop', 'trial', 'release']);
export type MiniProgramVersion = z.infer<typeof MiniProgramVersion>;

/** The function environment variable the deploy sets. */
export const MINIPROGRAM_VERSION_VAR = 'MINIPROGRAM_VERSION';

const subscribeStates = { develop: 'developer', trial: 'trial', release: 'formal' } as const;

/** What a subscribe message's "open the mini-program" link opens. */
export const subscribeStateOf = (version: MiniProgramVersion) => subscribeStates[version];

/** The version a function was deployed for, or null when the variable is missing or not one of the three. */
export const versionFromVars = (vars: Readonly<Record<string, string | undefined>>): MiniProgramVersion | null => {
  const parsed = MiniProgramVersion.safeParse(vars[MINIPROGRAM_VERSION_VAR]);
  return parsed.success ? parsed.data : null;
};
