import { imports } from '@shared/contracts';
import * as forms from '@shared/contracts/forms.contract';
import * as keys from '@shared/contracts/keys.contract';
import { maskIdNumber } from '@shared/domain/key.rules';
import { DESK_ON_SHIFT, memberIdOf, PROPERTY, SUPERVISOR, TECH_LI, uploadAs, type startRuntime } from './harness';
import type { Ok } from './call-journeys';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** Tuesday, the day after the harness's Monday morning. */
const TOMORROW = '2026-11-24';

/** K1–K3: keys registered, lent to a contractor and to a technician, returned, the day's deposits signed, the month's inventory counted and signed, then more keys imported from the register's sheet. */
export const areaJourney = async (rt: Rt, ok: Ok, write: Ok): Promise<void> => {
  const scope = { propertyId: PROPERTY };
  const pump = await write(DESK_ON_SHIFT, keys.add, { kind: 'equipment', opens: '2号楼水泵房', label: 'SB-02', set: 'working', depositFen: 20_000 });
  const floor = await write(DESK_ON_SHIFT, keys.add, { kind: 'public', opens: '3楼', label: 'G3-01', set: 'working', depositFen: 0 });
  await ok(SUPERVISOR, keys.list, { ...scope, kind: 'equipment' });
  await ok(DESK_ON_SHIFT, keys.staff, scope);
  const lent = await write(DESK_ON_SHIFT, keys.lend, {
    keyId: pump.id, borrower: { type: 'contractor', name: '赵师傅', phone: '13800000601', idMasked: maskIdNumber('110101199003071234') }, purpose: '水泵检修',
    dueBackAt: '2026-11-24T17:00:00+08:00', signature: uploadAs(rt, DESK_ON_SHIFT, 'contractor.png'), deposit: { method: 'cash', receiptNo: 'YJ-20261124-01' },
  });
  const offered = await write(DESK_ON_SHIFT, keys.lend, {
    keyId: floor.id, borrower: { type: 'staff', memberId: memberIdOf(TECH_LI) }, purpose: '更换楼道灯', dueBackAt: '2026-11-24T17:00:00+08:00', signature: null, deposit: null,
  });
  await ok(TECH_LI, keys.mine, scope);
  await write(TECH_LI, keys.sign, { loanId: offered.id, version: offered.version, signature: uploadAs(rt, TECH_LI, 'tech.png') });
  await write(DESK_ON_SHIFT, keys.giveBack, { loanId: lent.id, version: lent.version, deposit: { outcome: 'refunded' } });
  await ok(DESK_ON_SHIFT, forms.keyLoan, { ...scope, deliver: 'inline', loanId: lent.id });
  await ok(SUPERVISOR, keys.loans, scope);
  await ok(DESK_ON_SHIFT, keys.deposits, { ...scope, date: TOMORROW });
  await write(SUPERVISOR, keys.signDeposits, { date: TOMORROW, remarks: '账款相符' });
  await ok(SUPERVISOR, keys.inventory, { ...scope, month: '2026-11' });

  rt.clock.set('2026-11-25T02:00:00.000Z');
  await write(DESK_ON_SHIFT, keys.count, { kind: 'equipment', counted: 1, explanation: '' });
  const counted = await write(DESK_ON_SHIFT, keys.count, { kind: 'public', counted: 0, explanation: '李师傅借用未还' });
  rt.clock.set('2026-11-28T02:00:00.000Z');
  await write(SUPERVISOR, keys.signInventory, { month: '2026-11', version: counted.version });
  await ok(SUPERVISOR, forms.keyInventory, { ...scope, deliver: 'inline', month: '2026-11' });

  // K1: the register's template, then a sheet of the switch room's keys with their spare set, previewed and committed.
  await ok(SUPERVISOR, imports.keyTemplate, scope);
  const sheet = Buffer.from(['类别,开启位置,钥匙编号,组别,押金（元）', '设备房,3号楼配电房,PD-03,常用,0', '设备房,3号楼配电房,PD-03-备,备用,0'].join('\r\n'), 'utf8');
  const previewed = await write(DESK_ON_SHIFT, imports.previewKeys, { fileName: 'keys.csv', fileId: uploadAs(rt, DESK_ON_SHIFT, 'keys.csv', sheet) });
  await write(DESK_ON_SHIFT, imports.commitKeys, { importId: previewed.id });
};
