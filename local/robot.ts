import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { maskWebhook, WECOM_PER_MINUTE, WECOM_THROTTLE_MINUTES, WECOM_THROTTLED } from '@shared/domain/wecom-robot.rules';
import type { Clock } from '@shared/time/shanghai';
import { postToRobot } from '../cloudfunctions/_shared/robot';

export interface WebhookPost {
  /** The address with its key hidden, as the panel shows it. */
  url: string;
  body: unknown;
  at: string;
}

const ROBOT_PATH = '/cgi-bin/webhook/send';
const MINUTE = 60_000;

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
  });

/**
 * A WeCom group robot on this machine, for the demo property and the tests: it answers as WeCom
 * does (HTTP 200, `errcode` in the body; https://developer.work.weixin.qq.com/document/path/91770),
 * keeps what it was sent for the local panel, and is never kinder than WeCom: past 20 messages a
 * minute to one key it answers 45009 and refuses that key for ten minutes.
 */
export const startLocalRobot = async (now: Clock, port = 0) => {
  const posts: WebhookPost[] = [];
  const sends = new Map<string, number[]>();
  const throttled = new Map<string, number>();

  const answer = (res: ServerResponse, body: { errcode: number; errmsg: string }) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = url.searchParams.get('key') ?? '';
    if (req.method !== 'POST' || url.pathname !== ROBOT_PATH || !key) return answer(res, { errcode: 93000, errmsg: 'invalid webhook url' });
    void readJson(req).then((body) => {
      const at = now().getTime();
      if ((throttled.get(key) ?? 0) > at) return answer(res, { errcode: WECOM_THROTTLED, errmsg: 'api freq out of limit' });
      const recent = (sends.get(key) ?? []).filter((t) => at - t < MINUTE);
      if (recent.length >= WECOM_PER_MINUTE) {
        throttled.set(key, at + WECOM_THROTTLE_MINUTES * MINUTE);
        return answer(res, { errcode: WECOM_THROTTLED, errmsg: 'api freq out of limit' });
      }
      if (typeof body !== 'object' || body === null || !('msgtype' in body)) return answer(res, { errcode: 40008, errmsg: 'invalid message type' });
      sends.set(key, [...recent, at]);
      posts.push({ url: maskWebhook(`http://127.0.0.1${url.pathname}${url.search}`), body, at: new Date(at).toISOString() });
      answer(res, { errcode: 0, errmsg: 'ok' });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  return {
    posts,
    /** The robot address a property on this machine is given. */
    urlFor: (key: string) => `http://127.0.0.1:${actualPort}${ROBOT_PATH}?key=${key}`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * How the local runtime posts to a robot: the deployed functions' own poster (a real HTTP POST that
 * checks WeCom's errcode), allowed only to this machine, so a test or a demo never reaches a real
 * group. An address elsewhere, or one nothing answers at, fails as an unreachable robot would.
 */
export const localPoster = async (url: string, body: unknown): Promise<void> => {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error('not a robot address');
  }
  if (!LOOPBACK.has(host)) throw new Error('the local system posts only to robots on this machine');
  await postToRobot(url, body);
};
