import { maskWebhook, robotSlot, WECOM_THROTTLE_MINUTES, WECOM_THROTTLED } from '@shared/domain/wecom-robot.rules';
import { robotModel } from '@shared/model/robot.model';
import { addMinutes } from '@shared/time/shanghai';
import type { Deps } from './deps';
import { derivedId } from './ids';
import { addOnce, findById } from './repo';
import { errCodeOf } from './wechat';

/** WeCom has not taken the message and will not now: try again at `until`, which is no failed attempt. */
export class Deferred extends Error {
  constructor(
    readonly until: Date,
    reason: string,
  ) {
    super(reason);
  }
}

/** A robot's answer other than errcode 0, carried as WeCom's code. */
export class RobotRefusal extends Error {
  constructor(
    readonly errCode: number,
    errmsg: string,
  ) {
    super(`WeCom robot answered errcode ${errCode}: ${errmsg}`.slice(0, 300));
  }
}

const POST_TIMEOUT_MS = 5000;

/**
 * One message to a group robot (https://developer.work.weixin.qq.com/document/path/91770): WeCom
 * answers HTTP 200 with `errcode` in the body, so only errcode 0 is a send. Errors never carry the
 * address: its key is the robot's only credential.
 */
export const postToRobot = async (url: string, body: unknown): Promise<void> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(POST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`WeCom robot answered HTTP ${res.status}`);
  const answer = (await res.json().catch(() => null)) as { errcode?: unknown; errmsg?: unknown } | null;
  if (answer?.errcode !== 0) throw new RobotRefusal(typeof answer?.errcode === 'number' ? answer.errcode : -1, String(answer?.errmsg ?? 'no errcode in the answer'));
};

export const robotIdOf = (url: string) => derivedId('rb', url);

const CLAIM_TRIES = 5;

/**
 * Takes one of the robot's sends for now, or says when the next one is free: the recent sends are
 * stored, and each claim is a compare-and-set on the document's version, so two instances posting
 * at once cannot both take the last send.
 */
const claimSend = async (deps: Deps, url: string, now: Date): Promise<{ ok: true } | { ok: false; until: Date }> => {
  const _id = robotIdOf(url);
  for (let i = 0; i < CLAIM_TRIES; i++) {
    const robot = await findById(deps.db, robotModel, _id);
    if (!robot) {
      // Issue 16: the robot's first send is claimed by creating its document with that send in it (one
      // round trip, not a create, a second read and a claim); a document another instance created first
      // is read again and claimed as usual.
      const first = robotSlot([], null, now);
      if (first.ok && (await addOnce(deps.db, 'robots', robotModel.toStored({ _id, version: 1, sends: first.sends, throttledUntil: null })))) return { ok: true };
      continue;
    }
    const slot = robotSlot(robot.sends, robot.throttledUntil, now);
    if (!slot.ok) return slot;
    const claimed = await deps.db.collection('robots').where({ _id, version: robot.version }).update({ data: { sends: slot.sends, version: robot.version + 1 } });
    if (claimed.stats.updated) return { ok: true };
  }
  return { ok: false, until: new Date(now.getTime() + 1000) };
};

/** WeCom throttled the robot: every instance holds its posts until it lets go. */
const holdRobot = async (deps: Deps, url: string, until: Date): Promise<void> => {
  await deps.db.collection('robots').where({ _id: robotIdOf(url) }).update({ data: { throttledUntil: until.toISOString(), version: deps.db.command.inc(1) } });
};

/**
 * Issue 13 (1.3): a message to the property's robot, paced under WeCom's 20 a minute across every
 * function instance. Over the pace, or throttled by WeCom (45009, about ten minutes), the message
 * is deferred, not failed: the outbox sends it when the robot takes messages again.
 */
export const postPaced = async (deps: Deps, url: string, body: unknown): Promise<void> => {
  const now = deps.now();
  const slot = await claimSend(deps, url, now);
  if (!slot.ok) throw new Deferred(slot.until, `robot ${maskWebhook(url)} is at WeCom's pace of 20 messages a minute`);
  try {
    await deps.postWebhook(url, body);
  } catch (e) {
    if (errCodeOf(e) !== WECOM_THROTTLED) throw e;
    const until = addMinutes(now, WECOM_THROTTLE_MINUTES);
    await holdRobot(deps, url, until);
    throw new Deferred(until, `robot ${maskWebhook(url)} throttled by WeCom (45009)`);
  }
};
