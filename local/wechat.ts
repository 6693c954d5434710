import { NO_PERMISSION, type SubscribeMessage, type WeChatApi } from '../cloudfunctions/_shared/wechat';

/** What the phone-number button gives in H5 locally: a code that carries the number, `local-phone:<number>`. */
export const LOCAL_PHONE_CODE = /^local-phone:(1\d{10})$/;

/** WeChat's answers to a code or an openid it does not know (40029, 40003): openids start with "o". */
const INVALID_CODE = 40029;
const INVALID_OPENID = 40003;
const OPENID = /^o[A-Za-z0-9_-]{5,}$/;

const escape = (text: string) => text.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * WeChat's open APIs as the local system answers them: the phone number a local code carries, and
 * in place of a scannable mini-program code an image that shows the page and scene it would open;
 * subscribe messages are kept in `sent` for the local panel.
 */
export const localWeChat = (sent: (SubscribeMessage & { at: string })[], now: () => Date): WeChatApi => ({
  phoneNumberOf: async (code) => {
    const match = LOCAL_PHONE_CODE.exec(code);
    if (!match?.[1]) throw Object.assign(new Error('invalid code'), { errCode: INVALID_CODE });
    return match[1];
  },
  miniProgramCode: async (page, scene) =>
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="280"><rect width="280" height="280" fill="#fff" stroke="#07c160" stroke-width="8"/>` +
        `<text x="140" y="130" font-size="18" text-anchor="middle">${escape(page)}</text><text x="140" y="165" font-size="22" text-anchor="middle">${escape(scene)}</text></svg>`,
    ),
  sendSubscribe: async (message) => {
    if (!OPENID.test(message.touser)) throw Object.assign(new Error('invalid openid'), { errCode: INVALID_OPENID });
    sent.push({ ...message, at: now().toISOString() });
  },
});

const apiOf: Record<keyof WeChatApi, string> = {
  phoneNumberOf: 'phonenumber.getPhoneNumber',
  miniProgramCode: 'wxacode.getUnlimited',
  sendSubscribe: 'subscribeMessage.send',
};

const refused = (api: string) =>
  Object.assign(new Error(`errCode: ${NO_PERMISSION} function has no permission to call this API | errMsg: openapi.${api}:fail system error: error code: ${NO_PERMISSION}`), { errCode: NO_PERMISSION });

/**
 * A function's cloud calls as the cloud allows them: only the APIs its config.json declares in
 * `permissions.openapi`; any other is refused with -604101, as a deployed function would be.
 */
export const withPermissions = (api: WeChatApi, declared: readonly string[]): WeChatApi => {
  const allowed = <K extends keyof WeChatApi>(name: K): WeChatApi[K] =>
    (declared.includes(apiOf[name]) ? api[name] : () => Promise.reject(refused(apiOf[name]))) as WeChatApi[K];
  return { phoneNumberOf: allowed('phoneNumberOf'), miniProgramCode: allowed('miniProgramCode'), sendSubscribe: allowed('sendSubscribe') };
};
