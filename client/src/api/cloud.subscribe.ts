import Taro from '@tarojs/taro';

/**
 * WeChat's one-time subscribe prompt. Taro's promise wrapper calls `wx.requestSubscribeMessage`
 * synchronously, so a tap handler that calls this before its first await keeps WeChat's rule.
 * Taro's option type also demands Alipay's `entityIds`, which WeChat does not read.
 */
export const askCloudSubscribe = (templateIds: readonly string[]): Promise<Record<string, string>> =>
  Taro.requestSubscribeMessage({ tmplIds: [...templateIds] } as Taro.requestSubscribeMessage.Option).then((res) => {
    const answers: Record<string, string> = {};
    for (const id of templateIds) {
      const answer: unknown = (res as Record<string, unknown>)[id];
      if (typeof answer === 'string') answers[id] = answer;
    }
    return answers;
  });
