import { verdictOfSuggest } from '@shared/domain/content-screening.rules';
import { failure } from '@shared/messages/failure';
import type { Result } from '@shared/result';
import type { Caller, Deps } from '../_shared/deps';
import { checkFailed } from '../_shared/content-check';
import { land } from '../_shared/content-verdicts';
import { storeOf } from '../_shared/screened-store';
import { MediaCheckPush } from '../_shared/media-check-push';
import { checkOfTrace } from '../_shared/content-checks.repo';
import { systemCall, systemHealth } from '../_shared/system-health';

export interface PushOutcome {
  /** The push answered a check this system is waiting on. */
  matched: boolean;
  /** Its verdict holds the photo from others until the desk decides. */
  held: boolean;
}

/**
 * Issue 13 (1.9): WeChat's message pushes, routed here by the environment's 消息推送 setting
 * (manifest.json `messagePush`): the verdicts of asynchronous image checks. Any client can call a
 * cloud function too, so a push is believed only for a check this system submitted and still
 * waits on: its trace id is known to WeChat and to the contentChecks collection alone (no answer
 * ever carries one), and a check takes one verdict. A push without a verdict (the image could not
 * be downloaded) sends the photo again on the timer's next run.
 */
export const handle = async (event: unknown, caller: Caller, deps: Deps): Promise<Result<PushOutcome> | Awaited<ReturnType<typeof systemHealth>>> => {
  // Issue 13: the smoke command's health check, invoked with the environment's admin credentials.
  const system = caller.openid ? null : systemCall(event);
  if (system) return systemHealth('pushes', system.input, deps);
  const push = MediaCheckPush.safeParse(event);
  if (!push.success) return failure('COMMON.BAD_INPUT');
  try {
    const check = await checkOfTrace(deps.db, push.data.trace_id);
    if (!check || check.status !== 'submitted') return { ok: true, data: { matched: false, held: false } };
    const { result, status_code } = push.data;
    if (!result) {
      await checkFailed(deps, storeOf(check.subject.kind), check, new Error(`no verdict (status_code ${status_code ?? 'missing'})`), deps.now());
      return { ok: true, data: { matched: true, held: false } };
    }
    const held = await land(deps, storeOf(check.subject.kind), check, verdictOfSuggest(result.suggest), Number(result.label));
    return { ok: true, data: { matched: true, held } };
  } catch (e) {
    console.error('[pushes] push not handled', e);
    return failure('COMMON.INTERNAL');
  }
};
