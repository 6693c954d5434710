import { ROBOT_PACE_PER_MINUTE } from '../model/robot.model';

/**
 * Issue 13: the property's WeCom group robot. WeCom's "群机器人配置说明"
 * (https://developer.work.weixin.qq.com/document/path/91770): a robot is an address
 * `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…` whose key is its only credential ("一定要保护好
 * 机器人的webhook地址"); it answers HTTP 200 with `errcode` in the body, 0 when sent; each robot takes at
 * most 20 messages a minute, and past that answers 45009 and refuses for about ten minutes.
 */

/** The only robot address a manager may save: WeCom's own host and path, with a key. */
export const WECOM_ROBOT_URL = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[A-Za-z0-9_-]{1,128}$/;

export const WECOM_PER_MINUTE = 20;
/** Our pace under WeCom's limit is the stored model's bound on a robot's recent sends. */
export { ROBOT_PACE_PER_MINUTE };
export const WECOM_THROTTLED = 45009;
export const WECOM_THROTTLE_MINUTES = 10;

/** The address with its key hidden: what everyone but the manager sees, and what logs and errors may carry. */
export const maskWebhook = (url: string): string => url.replace(/([?&]key=)[^&]+/, '$1****');

const MINUTE = 60_000;

export type RobotSlot = { ok: true; sends: string[] } | { ok: false; until: Date };

/**
 * Whether one more message may go to a robot now, given the instants of its recent sends (any
 * instance's, as stored) and a throttle WeCom imposed: the sends kept are those within the last
 * minute plus this one; refused, `until` is when the oldest of them leaves the window (or the throttle ends).
 */
export const robotSlot = (sends: readonly string[], throttledUntil: string | null, now: Date): RobotSlot => {
  if (throttledUntil && new Date(throttledUntil) > now) return { ok: false, until: new Date(throttledUntil) };
  const recent = sends.filter((at) => now.getTime() - new Date(at).getTime() < MINUTE).sort();
  if (recent.length >= ROBOT_PACE_PER_MINUTE) {
    const oldest = recent[recent.length - ROBOT_PACE_PER_MINUTE] as string;
    return { ok: false, until: new Date(new Date(oldest).getTime() + MINUTE) };
  }
  return { ok: true, sends: [...recent, now.toISOString()] };
};
