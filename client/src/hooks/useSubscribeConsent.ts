import { useCallback, useRef } from 'react';
import * as session from '@shared/contracts/session.contract';
import { TEMPLATES_PER_PROMPT } from '@shared/domain/push-audience.rules';
import { call } from '../api';
import { platform } from '../api/platform';
import { updateSubscribeStock, type SessionContext } from '../store/session.store';
import { useReadySession } from './useSession';

const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The templates one prompt asks for: those with the fewest sends left first, each once, at most three. */
export const promptTemplates = (stock: session.SubscribeStockView | undefined): string[] => {
  const ids: string[] = [];
  const scarcest = [...(stock?.templates ?? [])].sort((a, b) => a.remaining - b.remaining);
  for (const { templateId } of scarcest) {
    if (ids.length === TEMPLATES_PER_PROMPT) break;
    if (TEMPLATE_ID.test(templateId) && !ids.includes(templateId)) ids.push(templateId);
  }
  return ids;
};

/**
 * Issue 5: asks WeChat for one more send of the caller's templates, then tells the server what was
 * accepted and keeps the new stock. Must run synchronously in a tap, before the action's own await.
 * Never throws and never holds up the action: the answer is handled whenever it comes.
 */
export const askSubscribeConsent = (context: SessionContext | null) => {
  const ask = platform.askSubscribe;
  if (!ask || !context) return;
  const ids = promptTemplates(context.subscribe);
  if (ids.length === 0) return;
  const propertyId = context.property.propertyId;
  try {
    void ask(ids)
      .then(async (answers) => {
        const accepted = ids.filter((id) => answers[id] === 'accept');
        const rejected = ids.filter((id) => answers[id] !== 'accept');
        const res = await call(session.consent, { propertyId, accepted, rejected });
        if (res.ok) updateSubscribeStock(propertyId, res.data);
      })
      .catch(() => undefined);
  } catch {
    /* no prompt this time; the next tap asks again */
  }
};

/** `ask()` for the first line of a tap handler: the consent prompt, fire and forget. */
export const useSubscribeConsent = () => {
  const context = useReadySession();
  const latest = useRef(context);
  latest.current = context;
  return useCallback(() => askSubscribeConsent(latest.current), []);
};
