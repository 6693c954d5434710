import { memberIdOf, PROPERTY } from './harness';

/** A valid input for every action of the keys function (issue 19, 2), for the bad-input and authorisation harnesses. */
export const areaInputs = (): Record<string, Record<string, unknown>> => ({
  'keys.add': { propertyId: PROPERTY, commandId: 'bad-input-key-add', kind: 'public', opens: '3楼', label: 'G3-01', set: 'working', depositFen: 0 },
  'keys.list': { propertyId: PROPERTY, kind: 'public' },
  'keys.staff': { propertyId: PROPERTY },
  'keys.lend': {
    propertyId: PROPERTY, commandId: 'bad-input-key-lend', keyId: 'key_x', borrower: { type: 'contractor', name: '赵师傅', phone: '13800000601', idMasked: '1*************1234' },
    purpose: '更换消防门闭门器', dueBackAt: '2026-11-23T18:00:00+08:00', signature: `cloud://local.local/uploads/${memberIdOf('o-desk-chen')}/signature.png`, deposit: { method: 'cash', receiptNo: 'YJ-0001' },
  },
  'keys.sign': { propertyId: PROPERTY, commandId: 'bad-input-key-sign', loanId: 'kl_x', version: 1, signature: `cloud://local.local/uploads/${memberIdOf('o-tech-li')}/signature.png` },
  'keys.giveBack': { propertyId: PROPERTY, commandId: 'bad-input-key-back', loanId: 'kl_x', version: 1, deposit: { outcome: 'refunded' } },
  'keys.loans': { propertyId: PROPERTY },
  'keys.mine': { propertyId: PROPERTY },
  'keys.deposits': { propertyId: PROPERTY, date: '2026-11-23' },
  'keys.signDeposits': { propertyId: PROPERTY, commandId: 'bad-input-key-days', date: '2026-11-22', remarks: '' },
  'keys.inventory': { propertyId: PROPERTY, month: '2026-11' },
  'keys.count': { propertyId: PROPERTY, commandId: 'bad-input-key-count', kind: 'public', counted: 3, explanation: '' },
  'keys.signInventory': { propertyId: PROPERTY, commandId: 'bad-input-key-signinv', month: '2026-10', version: 1 },
  'keys.leaveKey': { propertyId: PROPERTY, commandId: 'bad-input-key-leave', repairId: 'rp_x', technicianId: memberIdOf('o-tech-li'), keys: '入户门钥匙 1 把', leftBy: '王秀英' },
  'keys.borrowLeft': { propertyId: PROPERTY, commandId: 'bad-input-key-borrowleft', leftKeyId: 'lk_x', version: 1, signature: `cloud://local.local/uploads/${memberIdOf('o-tech-li')}/signature.png` },
  'keys.bringBackLeft': { propertyId: PROPERTY, commandId: 'bad-input-key-bringback', leftKeyId: 'lk_x', version: 2 },
  'keys.giveToResident': { propertyId: PROPERTY, commandId: 'bad-input-key-toresident', leftKeyId: 'lk_x', version: 3, residentName: '王秀英' },
  'keys.leftKeys': { propertyId: PROPERTY },
});
