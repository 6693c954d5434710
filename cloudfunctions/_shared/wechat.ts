import * as cloud from 'wx-server-sdk';
import { subscribeStateOf, type MiniProgramVersion } from '@shared/domain/mini-program-version.rules';

/**
 * The WeChat open APIs a function calls (each declared in its config.json `permissions.openapi`).
 * The cloud calls them through wx-server-sdk's openapi with the function's own credentials; the
 * local runtime supplies stand-ins.
 */
export interface WeChatApi {
  /** The number behind a phone-number button's one-time code (phonenumber.getPhoneNumber). */
  phoneNumberOf(code: string): Promise<string>;
  /** A mini-program code image (PNG) that opens `page` with `scene` (wxacode.getUnlimited). */
  miniProgramCode(page: string, scene: string): Promise<Buffer>;
  /** One subscribe message (subscribeMessage.send); rejects with WeChat's errCode on the error. */
  sendSubscribe(message: SubscribeMessage): Promise<void>;
  /**
   * security.msgSecCheck v2: WeChat's verdict on a text a user wrote (the user must have opened the
   * mini-program in the last two hours); rejects when the check could not be made.
   * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
   */
  checkText(check: ContentCheck & { content: string }): Promise<CheckVerdict>;
  /**
   * security.mediaCheckAsync v2: submits an image at a public URL and answers the trace id; the
   * verdict arrives later (within 30 minutes) as a `wxa_media_check` message push carrying it.
   * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
   */
  checkImage(check: ContentCheck & { mediaUrl: string }): Promise<string>;
}

/** Which `permissions.openapi` entry each call needs in the config.json of a function that makes it. */
export const OPENAPI_PERMISSIONS: Record<keyof WeChatApi, string> = {
  phoneNumberOf: 'phonenumber.getPhoneNumber',
  miniProgramCode: 'wxacode.getUnlimited',
  sendSubscribe: 'subscribeMessage.send',
  checkText: 'security.msgSecCheck',
  checkImage: 'security.mediaCheckAsync',
};

/** Whose content it is, and the check's scene: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export interface ContentCheck {
  openid: string;
  scene: 1 | 2 | 3 | 4;
}

/** A check's `result`: `suggest` is pass, review or risky; `label` names what it found (100: nothing). */
export interface CheckVerdict {
  suggest: string;
  label: number;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat's answer when the person has no (more) subscription for the template: not worth retrying. */
export const NOT_SUBSCRIBED = 43101;

/**
 * The cloud's answer to a call the function has no permission for: config.json's
 * `permissions.openapi` was not registered (it is, by a WeChat DevTools upload; CloudBase's FAQ:
 * https://docs.cloudbase.net/faq/knowledge/cloud-call-604101-permission-error).
 */
export const NO_PERMISSION = -604101;

export const errCodeOf = (e: unknown): number | null => {
  const code = (e as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : null;
};

interface CheckAnswer {
  result?: { suggest?: string; label?: number | string };
  traceId?: string;
  trace_id?: string;
}

interface PhoneAnswer {
  phoneInfo?: { purePhoneNumber?: string; phoneNumber?: string };
}

type Call = (params: Record<string, unknown>) => Promise<unknown>;
/** The part of wx-server-sdk's `cloud.openapi` used here: each call takes camelCase parameters and sends them snake_cased. */
export interface OpenApi {
  phonenumber: { getPhoneNumber: Call };
  wxacode: { getUnlimited: Call };
  subscribeMessage: { send: Call };
}

/**
 * The open APIs through cloud calls, for the mini-program version this environment serves: a
 * subscribe message opens it (`miniprogramState`), a mini-program code opens it (`envVersion`).
 */
export const cloudWeChat = (version: MiniProgramVersion, openapi = cloud.openapi as unknown as OpenApi): WeChatApi => ({
  phoneNumberOf: async (code) => {
    const answer = (await openapi.phonenumber.getPhoneNumber({ code })) as PhoneAnswer;
    const phone = answer.phoneInfo?.purePhoneNumber ?? answer.phoneInfo?.phoneNumber;
    if (!phone) throw new Error('phonenumber.getPhoneNumber returned no number');
    return phone;
  },
  miniProgramCode: async (page, scene) => {
    const answer = (await openapi.wxacode.getUnlimited({ page, scene, checkPath: false, envVersion: version })) as { buffer?: Buffer };
    if (!answer.buffer) throw new Error('wxacode.getUnlimited returned no image');
    return Buffer.from(answer.buffer);
  },
  sendSubscribe: async (message) => {
    await openapi.subscribeMessage.send({ ...message, miniprogramState: subscribeStateOf(version), lang: 'zh_CN' });
  },
  // Cloud calls take camelCase parameters (wx-server-sdk turns them into the HTTPS API's snake_case)
  // and answer camelCase fields: `traceId`, not the HTTPS API's `trace_id`.
  checkText: async ({ openid, scene, content }) => {
    const answer = (await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content })) as CheckAnswer;
    if (!answer.result?.suggest) throw new Error('security.msgSecCheck returned no result');
    return { suggest: answer.result.suggest, label: Number(answer.result.label ?? 0) };
  },
  checkImage: async ({ openid, scene, mediaUrl }) => {
    const answer = (await cloud.openapi.security.mediaCheckAsync({ openid, scene, version: 2, mediaUrl, mediaType: 2 })) as CheckAnswer;
    const traceId = answer.traceId ?? answer.trace_id;
    if (!traceId) throw new Error('security.mediaCheckAsync returned no trace id');
    return traceId;
  },
});
