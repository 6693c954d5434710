import { PROPERTY, WANG_ROOM } from './harness';

/** A valid input for each resident-file action (issue 19, 3: P1), for the bad-input and authorisation harnesses. */
export const areaInputs = (): Record<string, Record<string, unknown>> => ({
  'files.ask': { propertyId: PROPERTY, commandId: 'bad-input-fask', roomId: WANG_ROOM, reason: '住户来电要求核对车位登记' },
  'files.grants': { propertyId: PROPERTY },
  'files.decide': { propertyId: PROPERTY, commandId: 'bad-input-fdecide', grantId: 'fg_x', version: 1, decision: 'grant', minutes: 60 },
  'files.revoke': { propertyId: PROPERTY, commandId: 'bad-input-frevoke', grantId: 'fg_x', version: 2 },
  'files.inspect': { propertyId: PROPERTY, commandId: 'bad-input-finspect', roomId: WANG_ROOM, reason: '住户投诉处理需核对登记信息' },
  'files.read': { propertyId: PROPERTY, commandId: 'bad-input-fread', roomId: WANG_ROOM },
  'files.keep': { propertyId: PROPERTY, commandId: 'bad-input-fkeep', roomId: WANG_ROOM, version: 0, vehicles: [{ plate: '沪A12345', note: '地下车位 B-12' }], memo: '' },
  'files.log': { propertyId: PROPERTY },
  'files.contact': { propertyId: PROPERTY, commandId: 'bad-input-fcontact', roomId: WANG_ROOM, message: '有访客找您，请与客服中心联系' },
});
