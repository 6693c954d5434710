import type * as z from 'zod/mini';
import type { Action } from '@shared/contracts';
import type { RepairView } from '@shared/contracts/repairs.contract';
import * as messages from '@shared/messages/words';
import type { ErrorCode } from '@shared/messages';
import { ok, type Result } from '@shared/result';
import { transition } from '@shared/domain/state-machine';
import { repairMachine, type RepairAction } from '@shared/domain/repair.machine';
import { effectiveTime } from '@shared/domain/sla-time.rules';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { repairWhere } from '@shared/messages/place-label';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Tx } from '../_shared/database';
import type { SubjectVersion } from '../_shared/deadlines';
import { applyOnce } from '../_shared/commands';
import { enqueueNotice, sendBesideAnswer } from '../_shared/outbox';
import { ActionFailure } from '../_shared/failures';
import { loadSettings } from '../_shared/settings';
import { residentNotice } from './resident-notice';
import { householdOfCaller } from './household';
import { canFollow, canSee, toView } from './views';
import { findRepairInTx, writeRepairInTx } from '../_shared/repairs.repo';

type StepInput = { propertyId: string; repairId: string; version: number; commandId: string; deviceTime?: string };

export interface StepContext<I> {
  input: I;
  ctx: ActionContext;
  /** The order as the transaction read it. */
  repair: RepairDoc;
  /** When it happened: the device's time when it lies after the previous step and before receipt, else the server's. */
  at: string;
  /** The property's settings, read beside the caller's membership. */
  settings: SettingsDoc;
  tx: Tx;
  /** The version the step leaves the order at, which orders the changes of its clocks (deadlines.ts `SubjectVersion`). */
  after: SubjectVersion;
}

export interface StepSpec<I> {
  /** The step, or how its input names it (the command's record names it before the order is read). */
  action: RepairAction | ((input: I) => RepairAction);
  /** Checks of the input against the caller and the order as the transaction read it (files belong to the caller, …). */
  check?: (input: I, ctx: ActionContext, repair: RepairDoc) => ErrorCode | null;
  /** What the step records on the order; may also write related documents in the same transaction. */
  patch: (step: StepContext<I>) => Promise<Partial<RepairDoc>> | Partial<RepairDoc>;
  /** The reason shown in the history. */
  reason?: (input: I) => string | undefined;
  /**
   * Issue 18 (5): a step the order's resident takes (accepting the quote, rating): another resident
   * of her household, who follows the order, is told only its filer may take it, not that it is gone.
   */
  filerOnly?: true;
  /** Who is told, in-app; the resident's and the desk's views refresh either way. */
  tell?: (after: RepairDoc) => string[];
}

/** Whether a resident who may not act on the order follows it as one of its household (read only on this refusal). */
const follows = async ({ deps, member }: ActionContext, repair: RepairDoc): Promise<boolean> =>
  canFollow(member, await householdOfCaller(deps.db, member), repair);

/**
 * One step in a work order's life, the same for every on-site and desk action: the caller must be
 * able to see the order, the version they saw must still be current (optimistic concurrency), the
 * state machine must allow the step for their role now, and the order, its event and its notices
 * commit together, once per command id.
 */
type OrderAction = Action<z.ZodMiniType, typeof RepairView>;

export const orderStep = <A extends OrderAction>(spec: StepSpec<z.infer<A['input']> & StepInput>): Handler<A> => {
  // The settings (which serve the steps that need them and the notices every step sends) need only the input: read
  // with the caller's membership (issue 16). The order is read once, in the transaction started in that same first
  // wave: a read of it beside the membership was one more round trip, which bought no wait.
  const early = (input: z.infer<A['input']>, deps: Deps) => loadSettings(deps, (input as StepInput).propertyId);
  type Early = Awaited<ReturnType<typeof early>>;
  const handler = async (input: z.infer<A['input']>, ctx: ActionContext, settings: Early): Promise<Result<z.infer<typeof RepairView>>> => {
    const data = input as z.infer<A['input']> & StepInput;
    const actionOf = (i: typeof data) => (typeof spec.action === 'function' ? spec.action(i) : spec.action);
    const { member, now } = ctx;
    const queued: OutboxDoc[] = [];
    const { result: view, fresh } = await applyOnce<z.infer<typeof RepairView>>(ctx, `repairs.${actionOf(data)}`, async (tx) => {
      queued.length = 0;
      // The refusals in the order the caller always met them: the order she may not see (the same code whether
      // it is not there, not hers, or another property's), the step's own checks, then the version she saw.
      const repair = await findRepairInTx(tx, data.repairId);
      if (!repair) throw new ActionFailure('REPAIR.NOT_FOUND');
      if (!canSee(member, repair)) throw new ActionFailure(spec.filerOnly && (await follows(ctx, repair)) ? 'REPAIR.FILER_ONLY' : 'REPAIR.NOT_FOUND');
      const refused = spec.check?.(data, ctx, repair);
      if (refused) throw new ActionFailure(refused);
      if (repair.version !== data.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
      const action = actionOf(data);
      const moved = transition(repairMachine, repair, {
        action,
        actor: member.openid,
        role: member.role,
        now,
        reason: spec.reason?.(data),
        deviceTime: data.deviceTime,
      });
      if (!moved.ok) throw new ActionFailure(moved.code);
      const at = effectiveTime(data.deviceTime, repair.lastStepAt, now).toISOString();
      const patch = await spec.patch({ input: data, ctx, repair, at, settings, tx, after: { subjectVersion: moved.version } });
      const next = repairModel.toStored({ ...repair, ...patch, status: moved.status, version: moved.version, updatedAt: now.toISOString(), lastStepAt: at });
      await writeRepairInTx(tx, next, moved.event, data.commandId);
      const cause = `${repair._id}@${moved.version}`;
      // She is not told of what she did herself (accepting a quote, rating): it would only be a new unread line.
      const toResident = member.openid === next.residentOpenid ? null : residentNotice(action, next, settings, new Date(at));
      if (toResident) queued.push(await enqueueNotice(tx, cause, toResident, now));
      const staff = new Set(['role:desk', ...(spec.tell?.(next) ?? [])].filter((r) => r !== next.residentOpenid));
      for (const recipient of staff) {
        queued.push(
          await enqueueNotice(
            tx,
            cause,
            {
              propertyId: repair.propertyId,
              kind: 'repair.changed',
              channel: 'inbox',
              recipient,
              subject: { kind: 'repair', id: repair._id },
              title: `${messages.repairActions[action]} · ${repairWhere(repair)}`,
              body: messages.repairStatus[next.status],
              urgent: next.priority === 'urgent',
            },
            now,
          ),
        );
      }
      return toView(next, member, now);
    });
    if (fresh) await sendBesideAnswer(ctx, queued, settings);
    return ok(view);
  };
  // A's output is RepairView by its constraint; TypeScript cannot see through the generic.
  return withPrefetch<A, Early>(early, handler as unknown as Parameters<typeof withPrefetch<A, Early>>[1]);
};
