import { repairs, settings, type Action } from '@shared/contracts';
import type { Runtime } from '../local/runtime';

export type Call = (rt: Runtime, openid: string, action: Action, input: unknown) => Promise<Record<string, unknown>>;

export const WANG = 'o-res-wang';
export const DESK = 'o-desk-chen';
export const TECH = 'o-tech-li';

export const repairInput = (commandId: string, roomId = 'demo:1-1-101') => ({ propertyId: 'demo', commandId, roomId, category: 'water', description: '厨房水龙头一直滴水', preferredTime: null, photos: [] });

/** A file 李建国 uploaded into his own folder, as his phone does before the step that names it. */
const uploadedByTechnician = (rt: Runtime, name: string): string => {
  const out = rt.files.upload(`uploads/mb_otechli/${name}`, Buffer.from(name));
  if (!('fileID' in out)) throw new Error(`upload of ${name}: ${out.error}`);
  return out.fileID;
};

/** Each on-site step of one order, as the technician's queue sends them, with the resident's acceptance. */
export const onSiteSteps = (rt: Runtime): [string, string, Action, Record<string, unknown>][] => {
  const file = (name: string) => uploadedByTechnician(rt, name);
  return [
  ['repairs.acknowledge', TECH, repairs.acknowledge, {}],
  ['repairs.arrive', TECH, repairs.arrive, {}],
  ['repairs.quote', TECH, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] }],
  ['repairs.accept (resident)', WANG, repairs.accept, {}],
  ['repairs.complete', TECH, repairs.complete, { beforePhotos: [file('b.jpg')], afterPhotos: [file('a.jpg')], materials: [] }],
  ['repairs.signOff', TECH, repairs.signOff, { signature: file('s.png'), rating: { quality: 5, attitude: 5, comment: '' } }],
  ];
};

/**
 * Issue 12 (4): a person files at most the property's daily number of repairs; runs that file
 * hundreds as a few residents raise it, as the manager, to the most a property may set.
 */
export const raiseDailyLimits = async (rt: Runtime, call: Call, cmd: () => string) => {
  const most = { repairs: 1000, complaints: 1000, bookings: 1000, bindingRequests: 1000 };
  await call(rt, 'o-mgr-zhou', settings.updateSettings, { propertyId: 'demo', commandId: cmd(), dailyLimits: most });
};

/** A repair filed and dispatched to 李建国: its id and version. */
export const fileAndDispatch = async (rt: Runtime, call: Call, cmd: () => string) => {
  const created = (await call(rt, WANG, repairs.create, repairInput(cmd()))) as { id: string; version: number };
  const dispatched = (await call(rt, DESK, repairs.dispatch, { propertyId: 'demo', commandId: cmd(), repairId: created.id, version: created.version, technicianId: 'mb_otechli' })) as { version: number };
  return { id: created.id, version: dispatched.version };
};
