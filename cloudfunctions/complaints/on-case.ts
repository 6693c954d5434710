import type * as z from 'zod/mini';
import type { Action } from '@shared/contracts';
import type { CaseRef, CaseView } from '@shared/contracts/complaints.contract';
import type { ErrorCode } from '@shared/messages';
import { ok, type Result } from '@shared/result';
import { transition } from '@shared/domain/state-machine';
import { complaintMachine, type ComplaintAction } from '@shared/domain/complaint.machine';
import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Database, Tx } from '../_shared/database';
import type { SubjectVersion } from '../_shared/deadlines';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { enqueueNotice, sendNow, type Notice } from '../_shared/outbox';
import { loadSettings } from '../_shared/settings';
import { subjectOf } from './clocks';
import { canSeeComplaint, toComplaintView, toGroupView } from './views';
import { findGroup, findGroupInTx, writeGroupInTx } from './complaints.repo';
import { complaintsByIds, findComplaint, findComplaintInTx, writeComplaintInTx } from '../_shared/complaints.repo';

export type Case = ComplaintDoc | ComplaintGroupDoc;
type CaseInput = { ref: CaseRef; version: number; commandId: string; deviceTime?: string };

export const isGroup = (c: Case): c is ComplaintGroupDoc => 'memberIds' in c;

export const loadCase = async (db: Database, ref: CaseRef): Promise<Case | null> =>
  ref.kind === 'group' ? findGroup(db, ref.id) : findComplaint(db, ref.id);

/** The case the caller names, read in a transaction: null when it is not there. */
const findCaseInTx = (tx: Tx, ref: CaseRef): Promise<Case | null> => (ref.kind === 'group' ? findGroupInTx(tx, ref.id) : findComplaintInTx(tx, ref.id));

const writeInTx = (tx: Tx, c: Case) => (isGroup(c) ? writeGroupInTx(tx, c) : writeComplaintInTx(tx, c));

/** What a case's view shows besides the case: a complaint's group, or a group's households. */
export interface Related {
  group: ComplaintGroupDoc | null;
  members: ComplaintDoc[];
}

export const relatedOf = async (db: Database, c: Case): Promise<Related> => {
  if (isGroup(c)) {
    return { group: null, members: (await complaintsByIds(db, c.memberIds)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
  }
  return { group: c.groupId ? await findGroup(db, c.groupId) : null, members: [] };
};

export const toCaseView = (c: Case, related: Related, ctx: ActionContext): CaseView =>
  isGroup(c) ? toGroupView(c, ctx.member, ctx.now, related.members) : toComplaintView(c, ctx.member, ctx.now, related.group);

export const canSeeCase = (ctx: ActionContext, c: Case) =>
  isGroup(c) ? c.propertyId === ctx.member.propertyId && ctx.member.role !== 'resident' && ctx.member.role !== 'technician' : canSeeComplaint(ctx.member, c);

export interface CaseStep<I> {
  input: I;
  ctx: ActionContext;
  c: Case;
  tx: Tx;
  at: string;
  settings: SettingsDoc;
  /** The version the step leaves the case at, which orders the changes of its clocks (deadlines.ts `SubjectVersion`). */
  after: SubjectVersion;
}

export interface CaseStepSpec<I> {
  action: ComplaintAction;
  check?: (input: I, c: Case) => ErrorCode | null;
  /** What the step records, and any related writes in the same transaction. */
  patch: (step: CaseStep<I>) => Promise<Partial<Omit<ComplaintDoc, 'schemaVersion'> & Omit<ComplaintGroupDoc, 'schemaVersion'>>>;
  reason?: (input: I) => string | undefined;
  /** Who is told; the desk's view refreshes either way. */
  tell: (after: Case, before: Case, settings: SettingsDoc) => Notice[];
  /**
   * Work that follows the commit (a group's households settled), given the settings the step read.
   * It must be work a timer finishes when it fails here: the step has committed, so its caller is
   * answered with the step's result whatever becomes of this.
   */
  afterCommit?: (after: Case, ctx: ActionContext, settings: SettingsDoc) => Promise<void>;
}

/**
 * One step in a complaint's (or a group's) handling: the caller must see the case, the version they
 * saw must still be current, the machine must allow the step for their role, and the case, its
 * event and its notices commit together, once per command id.
 */
export const caseStep = <A extends Action<z.ZodMiniType, z.ZodMiniType<CaseView>>>(spec: CaseStepSpec<z.infer<A['input']> & CaseInput>): Handler<A> => {
  const handler = async (input: z.infer<A['input']>, ctx: ActionContext, settings: SettingsDoc): Promise<Result<CaseView>> => {
    const data = input as z.infer<A['input']> & CaseInput;
    const { deps, member, now } = ctx;
    const queued: OutboxDoc[] = [];
    let after: Case | null = null;
    // The command keeps the caller's view, never the stored case: a replay returns exactly that.
    const { result: view, fresh } = await applyOnce<CaseView>(ctx, `complaints.${spec.action}`, async (tx) => {
      queued.length = 0;
      // Issue 16: the case is read once, here, in the transaction started with the membership; the refusals come
      // in the order the caller always met them: a case she may not see (one code whether it is not there or not
      // hers), one taken into a group, the step's own checks, then the version she saw.
      const c = await findCaseInTx(tx, data.ref);
      if (!c || !canSeeCase(ctx, c)) throw new ActionFailure('COMPLAINT.NOT_FOUND');
      if (c.status === 'grouped') throw new ActionFailure('COMPLAINT.IN_A_GROUP');
      const refused = spec.check?.(data, c);
      if (refused) throw new ActionFailure(refused);
      if (c.version !== data.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
      // What the view shows besides the case (its group, a group's households) is read outside the transaction,
      // beside its operations: no wait of its own, and only once the caller may see the case.
      const related = relatedOf(deps.db, c);
      related.catch(() => undefined);
      const moved = transition(complaintMachine, { ...c, rating: 'rating' in c ? c.rating : null }, {
        action: spec.action,
        actor: member.openid,
        role: member.role,
        now,
        reason: spec.reason?.(data),
        deviceTime: data.deviceTime,
      });
      if (!moved.ok) throw new ActionFailure(moved.code);
      const at = now.toISOString();
      const patch = await spec.patch({ input: data, ctx, c, tx, at, settings, after: { subjectVersion: moved.version } });
      const next = { ...c, ...patch, status: moved.status, version: moved.version, updatedAt: at } as Case;
      await writeInTx(tx, next);
      await appendEvent(tx, subjectOf(next), moved.event, data.commandId);
      for (const notice of spec.tell(next, c, settings)) queued.push(await enqueueNotice(tx, `${c._id}@${moved.version}`, notice, now));
      after = next;
      return toCaseView(next, await related, ctx);
    });
    // The step's own notices and the work after it touch different documents: they go side by side.
    if (fresh) {
      const following = after && spec.afterCommit?.(after, ctx, settings).catch((e: unknown) => console.warn(`${ctx.action.fn}.${ctx.action.name}: the work after the commit failed; the timer finishes it`, e));
      await Promise.all([sendNow(deps, queued, settings), following]);
    }
    return ok(view);
  };
  return withPrefetch<A, SettingsDoc>((input, deps) => loadSettings(deps, (input as { propertyId: string }).propertyId), handler as never) as unknown as Handler<A>;
};
