import { repairs } from '@shared/contracts';
import * as keys from '@shared/contracts/keys.contract';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, repairInput, TECH_LI, WANG, type startRuntime } from './harness';
import type { ListCase } from './list-cases';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** K1: `n` equipment-room keys in the register; answers their ids. */
const addKeys = async (rt: Rt, n: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const input = { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', opens: `${i + 1}号楼水泵房`, label: `SB-0${i}`, set: 'working', depositFen: 0 };
    ids.push(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.add, input)).id);
  }
  return ids;
};

/** K2: `n` keys offered to 李建国 on trust of his own signature, due back in an hour; answers how many. */
const lendToLi = async (rt: Rt, n: number): Promise<number> => {
  const dueBackAt = new Date(rt.clock.now().getTime() + 3_600_000).toISOString();
  for (const keyId of await addKeys(rt, n)) {
    const input = { propertyId: PROPERTY, commandId: newCommandId(), keyId, borrower: { type: 'staff', memberId: memberIdOf(TECH_LI) }, purpose: '水泵检修', dueBackAt, signature: null, deposit: null };
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, input));
  }
  return n;
};

/** K2: `n` of 王's repairs, each with her spare key left at the desk for 李建国; answers how many. */
const leaveKeys = async (rt: Rt, n: number): Promise<number> => {
  for (let i = 0; i < n; i++) {
    const repair = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: `第${i}扇窗关不上` })));
    const input = { propertyId: PROPERTY, commandId: newCommandId(), repairId: repair.id, technicianId: memberIdOf(TECH_LI), keys: '入户门钥匙 1 把', leftBy: '王秀英' };
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.leaveKey, input));
  }
  return n;
};

/** K1 K2: the register, the loans, a technician's own and the keys residents left (issue 19, 2). */
export const areaLists: ListCase[] = [
  { name: 'keys.list', who: DESK_ON_SHIFT, action: keys.list, input: { propertyId: PROPERTY, kind: 'equipment' }, seed: async (rt) => (await addKeys(rt, 5)).length },
  { name: 'keys.loans', who: DESK_ON_SHIFT, action: keys.loans, input: { propertyId: PROPERTY }, seed: (rt) => lendToLi(rt, 5) },
  { name: 'keys.mine', who: TECH_LI, action: keys.mine, input: { propertyId: PROPERTY }, seed: (rt) => lendToLi(rt, 5) },
  { name: 'keys.leftKeys', who: DESK_ON_SHIFT, action: keys.leftKeys, input: { propertyId: PROPERTY }, seed: (rt) => leaveKeys(rt, 5) },
];

/** The property's staff a key is lent to. */
export const unpagedLists = ['keys.staff'];
