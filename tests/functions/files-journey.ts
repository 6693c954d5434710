import * as files from '@shared/contracts/files.contract';
import { DESK_ON_SHIFT, PROPERTY, SUPERVISOR, WANG_ROOM } from './harness';
import type { Ok } from './call-journeys';

const MANAGER = 'o-mgr-zhou';

/** P1: the desk asks to read a household's file, the supervisor grants it, the desk reads and keeps it, the log is read; an inquirer's message goes to the residents; the supervisor revokes the grant and reads the file himself. */
export const areaJourney = async (_rt: unknown, ok: Ok, write: Ok): Promise<void> => {
  const scope = { propertyId: PROPERTY };
  const asked = await write(DESK_ON_SHIFT, files.ask, { roomId: WANG_ROOM, reason: '住户来电要求核对车位登记' });
  await ok(SUPERVISOR, files.grants, scope);
  const granted = await write(SUPERVISOR, files.decide, { grantId: asked.id, version: asked.version, decision: 'grant', minutes: 60 });
  const file = await write(DESK_ON_SHIFT, files.read, { roomId: WANG_ROOM });
  await write(DESK_ON_SHIFT, files.keep, { roomId: WANG_ROOM, version: file.version, vehicles: [{ plate: '沪A12345', note: '地下车位 B-12' }], memo: '' });
  await ok(MANAGER, files.log, scope);
  await write(DESK_ON_SHIFT, files.contact, { roomId: WANG_ROOM, message: '有访客在前台找您，请与客服中心联系' });
  await write(SUPERVISOR, files.revoke, { grantId: granted.id, version: granted.version });
  await write(SUPERVISOR, files.inspect, { roomId: WANG_ROOM, reason: '住户投诉处理需核对登记信息' });
};
