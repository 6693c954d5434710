import { deployedFunctionOf } from '@shared/areas';
import type { Action } from '@shared/contracts';
import type { startSystem } from './browser';

type System = Awaited<ReturnType<typeof startSystem>>;
export type Seeded = { id: string; version: number };

export const SEED_PROPERTY = 'demo';

/** Writes on the demo property through the functions as `openid` would, each under a fresh command id; a refusal stops the test's setup. */
export const seedWriter = (system: System, label: string) => {
  let seq = 0;
  return async (openid: string, action: Action, input: Record<string, unknown>): Promise<Seeded> => {
    const commandId = `${label}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
    const result = (await system.runtime.invoke(deployedFunctionOf(action), { action: action.name, input: { propertyId: SEED_PROPERTY, commandId, ...input } }, { openid })) as { ok: boolean; data: Seeded; code?: string };
    if (!result.ok) throw new Error(`seeding ${action.fn}.${action.name}: ${result.code}`);
    return result.data;
  };
};

/** A complaint about building 1's common parts, filed as happening an hour before `now`. */
export const buildingComplaint = (now: Date, what: { roomId: string; category: string; target: string; description: string; request: string }) => ({
  ...what,
  place: { scope: 'building', building: '1' },
  occurredAt: new Date(now.getTime() - 3_600_000).toISOString(),
  residentDeadline: null,
  photos: [],
});
