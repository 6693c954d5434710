import { repairs, type Action } from '@shared/contracts';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, PROPERTY, repairInput, TECH_LI, WANG, type startRuntime } from './harness';

/** Moving one work order through its steps as the people on it would, for the on-site suites. */
export type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** A file id under `openid`'s own upload folder, as the mini-program's upload gives it. */
export const file = (openid: string, name: string) => `cloud://local.local/uploads/${memberIdOf(openid)}/${name}`;
let seq = 0;
export const cmd = (label: string) => `${label}-${(seq++).toString().padStart(6, '0')}`;

/** Moves one order through its steps, each with the version it last saw, as a client would. */
export const order = (rt: Rt, start: RepairView) => {
  let current = start;
  const step = async (openid: string, action: Action, extra: Record<string, unknown> = {}) => {
    const result = await callAs(rt, openid, action as typeof repairs.dispatch, { propertyId: PROPERTY, commandId: cmd(action.name), repairId: current.id, version: current.version, ...extra });
    if (result.ok) current = result.data as RepairView;
    return result;
  };
  return { step, get current() { return current; } };
};

export const filed = async (rt: Rt, description = '厨房水龙头一直滴水') => expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description })));
export const dispatched = async (rt: Rt) => {
  const o = order(rt, await filed(rt));
  expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
  return o;
};
/** Dispatched to 李师傅, acknowledged, and he is at the door. */
export const onSite = async (rt: Rt) => {
  const o = await dispatched(rt);
  expectOk(await o.step(TECH_LI, repairs.acknowledge));
  expectOk(await o.step(TECH_LI, repairs.arrive));
  return o;
};
/** The before and after photos a completion carries. */
export const photos = () => ({ beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')] });
