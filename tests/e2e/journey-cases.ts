import * as complaints from '@shared/contracts/complaints.contract';
import * as duty from '@shared/contracts/duty.contract';
import * as repairs from '@shared/contracts/repairs.contract';
import type { Action } from '@shared/contracts';
import { callAs, complaintInput, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, repairInput, TECH_LI, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from '../functions/harness';
import type { startSystem } from './browser';

type System = Awaited<ReturnType<typeof startSystem>>;

/**
 * What the other people in a journey do on their own phones, through the functions: a resident files,
 * the desk classifies and answers, a technician sends an order back. The journey's person then meets
 * it on their pages.
 */
const as = <T>(system: System, openid: string, action: Action, input: Record<string, unknown>) =>
  callAs(system.runtime, openid, action as typeof repairs.create, { propertyId: PROPERTY, commandId: newCommandId(), ...input }).then((r) => expectOk(r) as T);

/** A resident's repair, filed from her phone (an urgent one when the words say so, R3). */
export const fileRepair = (system: System, over: Record<string, unknown>) =>
  as<repairs.RepairView>(system, WANG, repairs.create, repairInput({ preferredTime: null, roomId: WANG_ROOM, ...over }));

/** A resident's complaint, classified by the desk as `severity` (C2): a major one tells the manager at once (C4). */
export const fileClassifiedComplaint = async (system: System, severity: 'general' | 'major', description: string) => {
  const filed = await as<{ id: string; version: number }>(system, ZHANG, complaints.create, complaintInput(ZHANG_ROOM, { category: 'service', target: '物业客服', description, occurredAt: new Date(system.runtime.deps.now().getTime() - 3_600_000).toISOString() }));
  const ref = { kind: 'complaint' as const, id: filed.id };
  const classified = await as<{ version: number }>(system, DESK_ON_SHIFT, complaints.classify, {
    ref,
    version: filed.version,
    class: 'responsible',
    severity,
    jurisdiction: null,
    governmentOrMedia: severity === 'major',
    injuryOrLoss: false,
    apologised: true,
    note: '',
  });
  return { ref, version: classified.version };
};

/** C7: a complaint answered by phone: its callback is on the desk's list at once. */
export const answeredComplaint = async (system: System, description: string) => {
  const { ref, version } = await fileClassifiedComplaint(system, 'general', description);
  await as(system, DESK_ON_SHIFT, complaints.reply, { ref, version, form: 'phone', content: '已安排专人处理，并向您致歉' });
  return ref;
};

/** A resident's repair the desk sent 李建国 to. */
export const dispatchedRepair = async (system: System, over: Record<string, unknown>) => {
  const filed = await fileRepair(system, over);
  return as<repairs.RepairView>(system, DESK_ON_SHIFT, repairs.dispatch, { repairId: filed.id, version: filed.version, technicianId: memberIdOf(TECH_LI), reason: '技能匹配' });
};

/** R11: an order 李建国 took on site and sent back, with his reason. */
export const sentBackOrder = async (system: System, description: string) => {
  let order = await dispatchedRepair(system, { category: 'water', description });
  const step = async (openid: string, action: Action, extra: Record<string, unknown> = {}) => {
    order = await as<repairs.RepairView>(system, openid, action, { repairId: order.id, version: order.version, ...extra });
  };
  await step(TECH_LI, repairs.acknowledge);
  await step(TECH_LI, repairs.arrive);
  await step(TECH_LI, repairs.sendBack, { reason: '需更换整段立管，要物业统一停水施工' });
  return order;
};

/** D1 D3: an event the desk logged earlier in the shift and is still happening. */
export const happeningEvent = (system: System, what: string) =>
  as(system, DESK_ON_SHIFT, duty.logEntry, { kind: 'water', what, handling: '已关闭总阀，等待抢修', followUp: '', result: '', status: 'happening' });
