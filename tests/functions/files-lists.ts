import * as files from '@shared/contracts/files.contract';
import { callAs, DESK_ON_SHIFT, expectOk, newCommandId, PROPERTY, SUPERVISOR, WANG_ROOM, type startRuntime } from './harness';
import type { ListCase } from './list-cases';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const MANAGER = 'o-mgr-zhou';

/** P1: `n` requests to read 王's household's file; answers how many. */
const askForFiles = async (rt: Rt, n: number): Promise<number> => {
  for (let i = 0; i < n; i++) expectOk(await callAs(rt, DESK_ON_SHIFT, files.ask, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, reason: `第${i}次核对车位` }));
  return n;
};

/** P1: one grant and `n` reads of 王's household's file under it; answers how many reads. */
const readFiles = async (rt: Rt, n: number): Promise<number> => {
  const asked = expectOk(await callAs(rt, DESK_ON_SHIFT, files.ask, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, reason: '核对车位' }));
  expectOk(await callAs(rt, SUPERVISOR, files.decide, { propertyId: PROPERTY, commandId: newCommandId(), grantId: asked.id, version: asked.version, decision: 'grant', minutes: 60 }));
  for (let i = 0; i < n; i++) expectOk(await callAs(rt, DESK_ON_SHIFT, files.read, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM }));
  return n;
};

/** P1: the grants asked and given, and the log of reads (issue 19, 3). */
export const areaLists: ListCase[] = [
  { name: 'files.grants', who: SUPERVISOR, action: files.grants, input: { propertyId: PROPERTY }, seed: (rt) => askForFiles(rt, 5) },
  { name: 'files.log', who: MANAGER, action: files.log, input: { propertyId: PROPERTY }, seed: (rt) => readFiles(rt, 5) },
];
