import * as repairs from '@shared/contracts/repairs.contract';
import type { Action } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, TECH_LI, uploadAs } from '../functions/harness';
import type { startSystem } from './browser';

type System = Awaited<ReturnType<typeof startSystem>>;

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface SignOffHooks {
  /** Runs once the desk has dispatched the repair to him, before he acknowledges it. */
  afterDispatch?: (dispatched: repairs.RepairView) => Promise<void>;
}

/** A filed repair taken to the signed sign-off by 李建国 through the functions, as the desk and he would on their phones. */
export const takeToSignOff = async (system: System, filed: repairs.RepairView, hooks: SignOffHooks = {}): Promise<repairs.RepairView> => {
  let current = filed;
  const step = async (openid: string, action: Action, extra: Record<string, unknown> = {}) => {
    const input = { propertyId: 'demo', commandId: `e2e-rate-${action.name}-${current.id}`, repairId: current.id, version: current.version, ...extra };
    current = expectOk(await callAs(system.runtime, openid, action as typeof repairs.dispatch, input));
  };
  await step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) });
  await hooks.afterDispatch?.(current);
  await step(TECH_LI, repairs.acknowledge);
  await step(TECH_LI, repairs.arrive);
  await step(TECH_LI, repairs.quote, { items: [] });
  await step(TECH_LI, repairs.accept, { signature: uploadAs(system.runtime, TECH_LI, `quote-${current.id}.png`) });
  await step(TECH_LI, repairs.complete, {
    beforePhotos: [uploadAs(system.runtime, TECH_LI, `b-${current.id}.png`, ONE_PIXEL_PNG)],
    afterPhotos: [uploadAs(system.runtime, TECH_LI, `a-${current.id}.png`, ONE_PIXEL_PNG)],
    materials: [],
  });
  await step(TECH_LI, repairs.signOff, { signature: uploadAs(system.runtime, TECH_LI, `sig-${current.id}.png`) });
  return current;
};
