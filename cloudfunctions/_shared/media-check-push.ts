import * as z from 'zod/mini';
import { lazySchema } from '@shared/model/lazy-schema';

/**
 * What WeChat pushes when an asynchronous image check (security.mediaCheckAsync v2) is decided:
 * message type `event`, event `wxa_media_check`, the `trace_id` the submission answered, and the
 * verdict in `result` (the same `suggest` and `label` as msgSecCheck). A push without `result`
 * carries a `status_code`, such as 4294966288 (-1008) when the image could not be downloaded.
 * A cloud function receives it as its event, in JSON, once the environment's 消息推送 setting routes
 * the event to it: https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/openapi.md
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
export const MediaCheckPush = lazySchema(() => z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().check(z.minLength(1), z.maxLength(128)),
  version: z.optional(z.union([z.number(), z.string()])),
  result: z.optional(z.object({ suggest: z.string(), label: z.union([z.number(), z.string()]) })),
  status_code: z.optional(z.number()),
}));
export type MediaCheckPush = z.infer<typeof MediaCheckPush>;
