import { randomBytes } from 'node:crypto';
import { NO_PERMISSION, OPENAPI_PERMISSIONS, type SubscribeMessage, type WeChatApi } from '../cloudfunctions/_shared/wechat';
import type { MediaCheckPush } from '../cloudfunctions/_shared/media-check-push';

/** What the phone-number button gives in H5 locally: a code that carries the number, `local-phone:<number>`. */
export const LOCAL_PHONE_CODE = /^local-phone:(1\d{10})$/;

/** WeChat's answers to a code or an openid it does not know (40029, 40003): openids start with "o". */
const INVALID_CODE = 40029;
const INVALID_OPENID = 40003;
const OPENID = /^o[A-Za-z0-9_-]{5,}$/;

/**
 * The local content checker's script (issue 13, 1.9): a text containing `riskyPhrase` is risky
 * (label 20003, abuse), one containing `reviewPhrase` is for review (21000, other); a photo whose
 * file name contains `risky` or `review` gets that verdict. Everything else passes.
 */
export const LOCAL_CHECKER = { riskyPhrase: '违规测试', reviewPhrase: '待审测试', riskyPhoto: 'risky', reviewPhoto: 'review' } as const;

/** msgSecCheck's limit: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html */
const MAX_TEXT_CHARS = 2500;

/** A push the local runtime delivers as WeChat would, to the function the manifest's messagePush names. */
export interface LocalPush {
  event: MediaCheckPush & Record<string, unknown>;
  openid: string;
}

const escape = (text: string) => text.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

const refused = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg });

const verdictOf = (matches: (word: string) => boolean, risky: string, review: string) =>
  matches(risky) ? { suggest: 'risky', label: 20003 } : matches(review) ? { suggest: 'review', label: 21000 } : { suggest: 'pass', label: 100 };

export interface LocalWeChatOptions {
  /** Subscribe messages, kept for the local panel. */
  sent: (SubscribeMessage & { at: string })[];
  now: () => Date;
  /** Where asynchronous verdicts wait until the runtime delivers them. */
  pushes: LocalPush[];
  /** The bytes behind a URL a function issued, as the checker would download them; null when it cannot. */
  fetchMedia: (url: string) => Buffer | null;
}

/**
 * WeChat's open APIs as the local system answers them: the phone number a local code carries, in
 * place of a scannable mini-program code an image that shows the page and scene it would open,
 * subscribe messages kept for the local panel, and the scripted content checker, whose image
 * verdicts wait in `pushes` until the runtime delivers them.
 */
export const localWeChat = ({ sent, now, pushes, fetchMedia }: LocalWeChatOptions): WeChatApi => ({
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
  checkText: async ({ openid, content }) => {
    if (!openid) throw refused(40003, 'invalid openid');
    if (!content || [...content].length > MAX_TEXT_CHARS) throw refused(47001, 'content must be 1 to 2500 characters');
    return verdictOf((word) => content.includes(word), LOCAL_CHECKER.riskyPhrase, LOCAL_CHECKER.reviewPhrase);
  },
  checkImage: async ({ openid, mediaUrl }) => {
    if (!openid) throw refused(40003, 'invalid openid');
    const traceId = `local-${randomBytes(10).toString('hex')}`;
    const name = new URL(mediaUrl, 'http://127.0.0.1').searchParams.get('path')?.split('/').pop() ?? '';
    const downloadable = fetchMedia(mediaUrl) !== null;
    const result = verdictOf((word) => name.includes(word), LOCAL_CHECKER.riskyPhoto, LOCAL_CHECKER.reviewPhoto);
    pushes.push({
      openid,
      event: {
        ToUserName: 'gh_local',
        FromUserName: openid,
        CreateTime: Math.floor(now().getTime() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'wx-local',
        trace_id: traceId,
        version: 2,
        ...(downloadable ? { result, detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }] } : { status_code: 4294966288 }),
      },
    });
    return traceId;
  },
});


const notPermitted = (api: string) =>
  refused(NO_PERMISSION, `errCode: ${NO_PERMISSION} function has no permission to call this API | errMsg: openapi.${api}:fail system error: error code: ${NO_PERMISSION}`);

/**
 * A function's cloud calls as the cloud allows them: only the APIs its config.json declares in
 * `permissions.openapi`; any other is refused with -604101, as a deployed function would be.
 */
export const withPermissions = (api: WeChatApi, declared: readonly string[]): WeChatApi => {
  const allowed = <K extends keyof WeChatApi>(name: K): WeChatApi[K] =>
    (declared.includes(OPENAPI_PERMISSIONS[name]) ? api[name] : () => Promise.reject(notPermitted(OPENAPI_PERMISSIONS[name]))) as WeChatApi[K];
  return {
    phoneNumberOf: allowed('phoneNumberOf'),
    miniProgramCode: allowed('miniProgramCode'),
    sendSubscribe: allowed('sendSubscribe'),
    checkText: allowed('checkText'),
    checkImage: allowed('checkImage'),
  };
};
