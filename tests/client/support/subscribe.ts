import Taro from '@tarojs/taro';
import type { SubscribeStockView } from '@shared/contracts/session.contract';
import type { Role } from '@shared/model/member.model';
import { askCloudSubscribe } from '../../../client/src/api/cloud.subscribe';
import { platform } from '../../../client/src/api/platform';
import { ok, sessionHandlers } from './fixtures';

/** Sends left per template, as session.context and session.consent answer them. */
export const stock = (low: boolean, remaining: Record<string, number> = { tmplNewRepair: 1, tmplUrgent: 0, tmplCallback: 4, tmplEscalation: 2 }): SubscribeStockView => ({
  templates: Object.entries(remaining).map(([templateId, left]) => ({ kind: `kind-of-${templateId}`, templateId, remaining: left })),
  low,
});

/** The session's handlers, with the caller's subscribe stock in the context. */
export const sessionWithStock = (role: Role, subscribe: SubscribeStockView, rooms: Array<{ roomId: string; label: string }> = []) => {
  const base = sessionHandlers(role, rooms);
  return {
    ...base,
    'session.context': () => {
      const context = base['session.context']();
      return ok({ ...context.data, subscribe });
    },
  };
};

type Answers = Record<string, string>;

/**
 * The mini-program's prompt, not H5's none: the platform gets the WeChat implementation, and
 * WeChat's `requestSubscribeMessage` answers (or fails) as the test says. `before` runs inside the
 * call, to see what had happened by the time the prompt opened.
 */
export const weChatPrompt = (answer: (ids: string[]) => Promise<Answers>, before: () => void = () => undefined) => {
  const replaced = jest.replaceProperty(platform, 'askSubscribe', askCloudSubscribe);
  const prompt = jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((option) => {
    before();
    const ids = 'tmplIds' in option && option.tmplIds ? option.tmplIds : [];
    return answer(ids).then((answers) => ({ errMsg: 'requestSubscribeMessage:ok', ...answers }));
  });
  return { prompt, restore: () => replaced.restore() };
};

export const acceptAll = (ids: string[]) => Promise.resolve(Object.fromEntries(ids.map((id) => [id, 'accept'])));
