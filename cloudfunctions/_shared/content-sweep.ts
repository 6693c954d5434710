import type { ContentCheckDoc } from '@shared/model/screening.model';
import { askText, checkFailed, MAX_CHECK_ATTEMPTS, retryAt, submitImages } from './content-check';
import { land } from './content-verdicts';
import { findScreened, storeOf } from './screened-store';
import { textOf } from './screened';
import type { Sweep } from './sweep';
import { claimCheck, dropCheck, dueChecks } from './content-checks.repo';

export interface CheckSweepReport {
  /** Checks tried again: a text asked again, a photo sent again. */
  retried: number;
  /** Checks given up after their last attempt. */
  givenUp: number;
}

/** A text check the filing could not make, made again on the ticket's text as it is now. */
const retryText = async (sweep: Sweep, check: ContentCheckDoc): Promise<void> => {
  const { deps } = sweep;
  const ticket = await findScreened(deps.db, check.subject.kind, check.subject.id);
  if (!ticket) return void (await dropCheck(deps.db, check._id, 'the ticket is gone'));
  try {
    const screen = await askText(deps, check.openid, textOf(check.subject.kind, ticket));
    await land(deps, storeOf(check.subject.kind), check, screen.verdict, screen.label);
  } catch (e) {
    await checkFailed(deps, storeOf(check.subject.kind), check, e);
  }
};

/**
 * Issue 13 (1.9), in each timer run: every check whose time has come is claimed (a check on
 * `attempts`, so two runs never both make it) and made again: a text asked again, a photo sent
 * again (its verdict never came, or it could not be sent). After the last attempt it is given up:
 * the item stays `unchecked` and the desk sees so. Each check is a unit of its own.
 */
export const sweepContentChecks = async (sweep: Sweep, limit = 50): Promise<CheckSweepReport> => {
  const { deps } = sweep;
  const { db } = deps;
  const now = deps.now();
  const report: CheckSweepReport = { retried: 0, givenUp: 0 };
  for (const check of await dueChecks(sweep, now, limit)) {
    await sweep.unit(`content check ${check._id}`, async () => {
      const attempts = check.attempts + 1;
      if (!(await claimCheck(db, check, attempts, retryAt(now, attempts)))) return;
      if (check.attempts >= MAX_CHECK_ATTEMPTS) {
        await land(deps, storeOf(check.subject.kind), { ...check, attempts }, 'unchecked', null, 'dead');
        report.givenUp++;
        return;
      }
      const claimed: ContentCheckDoc = { ...check, attempts, status: 'queued' };
      if (claimed.item.kind === 'text') await retryText(sweep, claimed);
      else await submitImages(deps, storeOf(claimed.subject.kind), [claimed]);
      report.retried++;
    });
  }
  return report;
};
