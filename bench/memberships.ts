import { company, imports, members, session, type Action } from '@shared/contracts';
import type { Runtime } from '../local/runtime';
import type { Engine } from '../local/db';

type Call = (rt: Runtime, openid: string, action: Action, input: unknown) => Promise<Record<string, unknown>>;

const ADMIN = 'o-admin-gao';
const PERSON = 'o-res-li';

/**
 * Issue 14: round trips of session.context (and session.me) for a resident of one property, then of
 * five: four more properties made through the API, each binding her to a room there.
 */
export const membershipTrips = async (rt: Runtime, engine: Engine, call: Call, cmd: () => string) => {
  const measure = async (label: string, run: () => Promise<unknown>) => {
    engine.stats.reset();
    await run();
    return [label, engine.stats.total, Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ')];
  };
  const rows = [
    await measure('session.context (1 membership)', () => call(rt, PERSON, session.context, { propertyId: 'demo' })),
    await measure('session.me (1 membership)', () => call(rt, PERSON, session.me, {})),
  ];
  for (let n = 1; n <= 4; n++) {
    const propertyId = `bench-court-${n}`;
    const manager = `o-bench-mgr-${n}`;
    await call(rt, ADMIN, company.createProperty, { commandId: cmd(), propertyId, name: `测试苑${n}`, address: '', deskPhone: '021-66660000', template: 'demo' });
    const { code } = (await call(rt, ADMIN, company.appointManager, { propertyId, commandId: cmd() })) as { code: string };
    await call(rt, manager, members.join, { commandId: cmd(), code, name: `主任${n}`, phone: '13500000000' });
    const { roomId } = (await call(rt, manager, imports.addRoom, { propertyId, commandId: cmd(), building: '1', unit: '1', room: '101' })) as { roomId: string };
    const asked = (await call(rt, PERSON, members.requestBinding, { propertyId, commandId: cmd(), roomId, name: '李娜', relation: 'owner', phone: '13800000302' })) as { id: string; version: number };
    await call(rt, manager, members.reviewBinding, { propertyId, commandId: cmd(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' });
  }
  rows.push(await measure('session.context (5 memberships)', () => call(rt, PERSON, session.context, { propertyId: 'demo' })));
  rows.push(await measure('session.me (5 memberships)', () => call(rt, PERSON, session.me, {})));
  return rows;
};
