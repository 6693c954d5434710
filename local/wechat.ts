import type { SubscribeMessage, WeChatApi } from '../cloudfunctions/_shared/wechat';

/** What the phone-number button gives in H5 locally: a code that carries the number, `local-phone:<number>`. */
export const LOCAL_PHONE_CODE = /^local-phone:(1\d{10})$/;

const escape = (text: string) => text.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * WeChat's open APIs as the local system answers them: the phone number a local code carries, and
 * in place of a scannable mini-program code an image that shows the page and scene it would open;
 * subscribe messages are kept in `sent` for the local panel.
 */
export const localWeChat = (sent: (SubscribeMessage & { at: string })[], now: () => Date): WeChatApi => ({
  phoneNumberOf: async (code) => {
    const match = LOCAL_PHONE_CODE.exec(code);
    if (!match?.[1]) throw new Error('not a local phone code');
    return match[1];
  },
  miniProgramCode: async (page, scene) =>
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="280"><rect width="280" height="280" fill="#fff" stroke="#07c160" stroke-width="8"/>` +
        `<text x="140" y="130" font-size="18" text-anchor="middle">${escape(page)}</text><text x="140" y="165" font-size="22" text-anchor="middle">${escape(scene)}</text></svg>`,
    ),
  sendSubscribe: async (message) => {
    sent.push({ ...message, at: now().toISOString() });
  },
});
