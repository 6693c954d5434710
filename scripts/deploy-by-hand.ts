import type { Manifest } from './deploy-manifest';

/**
 * What the deploy cannot set and a person sets once per environment in the cloud console: each
 * message push route (云开发 → 设置 → 其他设置 → 消息推送, push mode 云函数), e.g. the content
 * checker's verdicts (issue 13, 1.9). https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/openapi.md
 */
export const byHandSteps = (manifest: Manifest, envName: string): string[] =>
  manifest.messagePush.map(
    (r) => `By hand, once for "${envName}": cloud console → 设置 → 其他设置 → 消息推送 (云函数): 消息类型 ${r.msgType}, 事件类型 ${r.event || '(none)'} → function ${r.functionName}`,
  );
