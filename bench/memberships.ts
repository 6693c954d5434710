import { company, imports, members, session, type Action } from '@shared/contracts';
import type { Runtime } from '../local/runtime';
import type { Engine } from '../local/db';

type Call = (rt: Runtime, openid: string, action: Action, input: unknown) => Promise<Record<string, unknown>>;

const ADMIN = 'o-admin-gao';
const PERSON = 'o-res-li';

/**
 * Issue 14: round trips (and sequential waits, issue 16) of session.context, session.me and
 * session.waiting for a resident of one property, then of five: four more properties made through
 * the API, each binding her to a room there.
 */
export const membershipTrips = async (rt: Runtime, engine: Engine, call: Call, cmd: () => string) => {
  const measure = async (label: string, run: () => Promise<unknown>) => {
    let waits = 0;
    const stop = rt.watchCalls((c) => {
      waits = c.calls.sequential;
    });
    engine.stats.reset();
    await run();
    stop();
    return [label, `${engine.stats.total} (${waits} waits)`, Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ')];
  };
  const each = async (memberships: string) => [
    await measure(`session.context (${memberships})`, () => call(rt, PERSON, session.context, { propertyId: 'demo' })),
    await measure(`session.me (${memberships})`, () => call(rt, PERSON, session.me, {})),
    await measure(`session.waiting (${memberships})`, () => call(rt, PERSON, session.waiting, { propertyId: 'demo' })),
  ];
  const rows = await each('1 membership');
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
  return [...rows, ...(await each('5 memberships'))];
};
