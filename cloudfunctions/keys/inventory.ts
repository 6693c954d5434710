import type * as c from '@shared/contracts/keys.contract';
import { keyInventoryMachine } from '@shared/domain/key-inventory.machine';
import { countProblem, inventoryMonth, inventoryPhase, uncountedKinds } from '@shared/domain/key.rules';
import { birth, transition } from '@shared/domain/state-machine';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { keyInventoryModel, keyKinds, type KeyInventoryDoc, type KeyKind } from '@shared/model/key.model';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { countByKind, findInventory, findInventoryInTx, inventoryIdOf, writeInventory } from './keys.repo';

/** K3: the month's rows, one a kind: the register's count now beside the desk's. */
const viewOf = (month: string, now: Date, expected: Record<KeyKind, number>, inv: KeyInventoryDoc | null): c.InventoryViewT => ({
  month,
  phase: inventoryPhase(now, month),
  status: inv?.status ?? 'not_started',
  rows: keyKinds.map((kind) => {
    const counted = inv?.counts.find((x) => x.kind === kind);
    return { kind, expected: counted?.expected ?? expected[kind], counted: counted?.counted ?? null, explanation: counted?.explanation ?? '', countedBy: counted?.countedBy ?? null };
  }),
  signed: inv?.signedBy && inv.signedAt ? { by: inv.signedBy, at: inv.signedAt } : null,
  version: inv?.version ?? 0,
});

/** K3: a month's inventory as it stands. */
export const inventory: Handler<typeof c.inventory> = async (input, { deps, now }) => {
  const [expected, inv] = await Promise.all([countByKind(deps.db, input.propertyId, keyKinds), findInventory(deps.db, input.propertyId, input.month)]);
  return ok(viewOf(input.month, now, expected, inv));
};

/** The month's inventory as it starts: counting, nothing counted, nobody reminded. */
export const openedInventory = (propertyId: string, month: string): KeyInventoryDoc =>
  keyInventoryModel.toStored({ _id: inventoryIdOf(propertyId, month), propertyId, month, status: 'counting', counts: [], countRemindedAt: null, reportRemindedAt: null, signedBy: null, signedAt: null, version: 1 });

/** K3: the register's count of every kind: it needs only the input, so it is taken with the membership (issue 16). */
const registerCounts = (input: { propertyId: string }, deps: Deps) => countByKind(deps.db, input.propertyId, keyKinds);

/**
 * K3: the desk counts one kind on the 25th–27th (Shanghai) of the current month; the register's
 * count is taken by the server at that moment (with the membership), and a difference needs its explanation.
 * The first count opens the month's inventory if the timer has not. Issue 16: the inventory is read once, in the
 * transaction started with the membership, and made there when there is none.
 */
export const count: Handler<typeof c.count> = /* @__PURE__ */ withPrefetch<typeof c.count, Record<KeyKind, number>>(registerCounts, async (input, ctx, all) => {
  const { member, now } = ctx;
  const month = inventoryMonth(now);
  const expected = all[input.kind];
  const problem = countProblem(expected, input.counted, input.explanation);
  if (problem) return failure(problem);
  const actor = { actor: member.openid, role: member.role, now, deviceTime: input.deviceTime };
  const { result } = await applyOnce(ctx, 'keys.count', async (tx) => {
    const existing = await findInventoryInTx(tx, member.propertyId, month);
    const born = existing ? null : birth(keyInventoryMachine, 'open', actor);
    const inv = existing ?? openedInventory(member.propertyId, month);
    const step = transition(keyInventoryMachine, inv, { action: 'count', ...actor });
    if (!step.ok) throw new ActionFailure(step.code === 'STATE.ROLE_NOT_ALLOWED' ? 'STATE.TRANSITION_NOT_ALLOWED' : step.code);
    const row = { kind: input.kind, expected, counted: input.counted, explanation: input.explanation, countedBy: member.name, countedAt: now.toISOString() };
    const next = { ...inv, counts: [...inv.counts.filter((x) => x.kind !== input.kind), row], version: step.version };
    return viewOf(month, now, all, await writeInventory(tx, next, born ? [born, step.event] : [step.event], input.commandId, !existing));
  });
  return ok(result);
});

/**
 * K3: the supervisor signs the month's report from the 28th, once every kind the register holds is counted.
 * Issue 16: the register is counted with the membership and the inventory read once, in the transaction; its
 * refusals come in the order they always did.
 */
export const signInventory: Handler<typeof c.signInventory> = /* @__PURE__ */ withPrefetch<typeof c.signInventory, Record<KeyKind, number>>(registerCounts, async (input, ctx, all) => {
  const { member, now } = ctx;
  const { result } = await applyOnce(ctx, 'keys.signInventory', async (tx) => {
    const inv = await findInventoryInTx(tx, member.propertyId, input.month);
    if (!inv) throw new ActionFailure('KEY.INVENTORY_NOT_STARTED');
    if (uncountedKinds(all, inv.counts).length) throw new ActionFailure('KEY.UNCOUNTED');
    if (inv.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const step = transition(keyInventoryMachine, inv, { action: 'sign', actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!step.ok) throw new ActionFailure(step.code === 'STATE.TOO_EARLY' ? step.code : 'STATE.TRANSITION_NOT_ALLOWED');
    const next = { ...inv, status: step.status, version: step.version, signedBy: member.name, signedAt: now.toISOString() };
    return viewOf(input.month, now, all, await writeInventory(tx, next, [step.event], input.commandId));
  });
  return ok(result);
});
