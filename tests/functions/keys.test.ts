import * as keys from '@shared/contracts/keys.contract';
import { maskIdNumber } from '@shared/domain/key.rules';
import type { JournalEntry } from '@shared/model/command.model';
import { applyPuts } from '../../cloudfunctions/_shared/journaled-puts';
import { callAs, dyingAfterCommit, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, expectRolledBack, memberIdOf, newCommandId, PROPERTY, raw, snapshot, startRuntime, SUPERVISOR, TECH_LI, testClock, tickTimers, uploadAs, WANG, watchTraces, storedEvents } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const tick = (rt: Rt) =>
  tickTimers(rt) as Promise<{ ok: true; data: { keys: { chased: number; reminded: number }; failed: unknown[] } }>;

const addKey = (rt: Rt, over: Record<string, unknown> = {}) =>
  callAs(rt, DESK_ON_SHIFT, keys.add, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', opens: '2号楼水泵房', label: 'SB-02', set: 'working', depositFen: 20_000, ...over });

const contractor = { type: 'contractor', name: '赵师傅', phone: '13800000601', idMasked: maskIdNumber('110101199003071234') };

const lendInput = (rt: Rt, keyId: string, over: Record<string, unknown> = {}) => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  keyId,
  borrower: contractor,
  purpose: '水泵检修',
  dueBackAt: '2026-11-23T17:00:00+08:00',
  signature: uploadAs(rt, DESK_ON_SHIFT, `signature-${newCommandId()}.png`),
  deposit: { method: 'cash', receiptNo: 'YJ-20261123-01' },
  ...over,
});

const inbox = (rt: Rt, kind: string) => raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').filter((n) => n.kind === kind);

describe('K1 K2: the key register and loans', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('K1: keys are registered by kind, each kind with its spare set; a label is unique within its kind', async () => {
    expectOk(await addKey(rt));
    expectOk(await addKey(rt, { label: 'SB-02-备', set: 'spare' }));
    expectOk(await addKey(rt, { kind: 'meter_box', opens: '1号楼1单元', label: 'SB-02', depositFen: 0 }));
    expect(await addKey(rt)).toMatchObject({ ok: false, code: 'KEY.LABEL_TAKEN' });
    const equipment = expectOk(await callAs(rt, SUPERVISOR, keys.list, { propertyId: PROPERTY, kind: 'equipment' }));
    expect(equipment.items.map((k) => [k.label, k.set, k.onLoan])).toEqual([['SB-02', 'working', false], ['SB-02-备', 'spare', false]]);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.list, { propertyId: PROPERTY, kind: 'meter_box' })).total).toBe(1);
  });

  it('K2: a contractor shows ID (kept masked), signs on the desk\'s screen and pays the deposit the register sets; the key comes back and the deposit is refunded', async () => {
    const key = expectOk(await addKey(rt));
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { signature: null }))).toMatchObject({ ok: false, code: 'KEY.SIGNATURE_REQUIRED' });
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { deposit: null }))).toMatchObject({ ok: false, code: 'KEY.DEPOSIT_REQUIRED' });
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { borrower: { ...contractor, idMasked: '110101199003071234' } }))).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { signature: uploadAs(rt, WANG, 'not-the-desks.png') }))).toMatchObject({ ok: false, code: 'KEY.FILE_NOT_YOURS' });
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { deposit: { method: 'cash', receiptNo: 'R1', amountFen: 1 } }))).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    const loan = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id)));
    expect(loan).toMatchObject({ status: 'lent', borrower: { name: '赵师傅', idMasked: '1*************1234' }, deposit: { amountFen: 20_000, method: 'cash', custodian: '陈晓' }, lentBy: '陈晓' });
    expect(JSON.stringify(raw(rt, 'keyLoans'))).not.toContain('110101199003071234');
    expect(expectOk(await callAs(rt, 'o-mgr-zhou', keys.loans, { propertyId: PROPERTY })).items[0]?.borrower.phone).toBe('138****0601');
    expect(expectOk(await callAs(rt, SUPERVISOR, keys.loans, { propertyId: PROPERTY })).items[0]?.borrower.phone).toBe('13800000601');
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id))).toMatchObject({ ok: false, code: 'KEY.ON_LOAN' });
    const back = { propertyId: PROPERTY, commandId: newCommandId(), loanId: loan.id, version: loan.version };
    expect(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, { ...back, deposit: null })).toMatchObject({ ok: false, code: 'KEY.DEPOSIT_OUTCOME_REQUIRED' });
    const returned = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, { ...back, deposit: { outcome: 'refunded' } }));
    expect(returned).toMatchObject({ status: 'returned', returnedTo: '陈晓', depositOutcome: { outcome: 'refunded', amountFen: 20_000 } });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.list, { propertyId: PROPERTY, kind: 'equipment' })).items[0]?.onLoan).toBe(false);
    expect((await storedEvents<{ subject: { id: string }; action: string }>(rt)).filter((e) => e.subject.id === loan.id).map((e) => e.action)).toEqual(['lend', 'giveBack']);
  });

  it('K2: a kept deposit needs its reason; the day\'s reconciliation counts it, and the supervisor signs the day once', async () => {
    const one = expectOk(await addKey(rt));
    const two = expectOk(await addKey(rt, { label: 'SB-03', depositFen: 5_000 }));
    const a = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, one.id)));
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, two.id)));
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, { propertyId: PROPERTY, commandId: newCommandId(), loanId: a.id, version: a.version, deposit: { outcome: 'kept', reason: '钥匙损坏，需配新钥匙' } }));
    const day = { propertyId: PROPERTY, date: '2026-11-23' };
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.deposits, day))).toEqual({ date: '2026-11-23', receivedFen: 25_000, refundedFen: 0, keptFen: 20_000, heldFen: 5_000, signed: null });
    expect(await callAs(rt, SUPERVISOR, keys.signDeposits, { ...day, commandId: newCommandId(), date: '2026-11-24', remarks: '' })).toMatchObject({ ok: false, code: 'KEY.DAY_AHEAD' });
    expect(await callAs(rt, DESK_ON_SHIFT, keys.signDeposits, { ...day, commandId: newCommandId(), remarks: '' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const signed = expectOk(await callAs(rt, SUPERVISOR, keys.signDeposits, { ...day, commandId: newCommandId(), remarks: '账款相符' }));
    expect(signed.signed).toMatchObject({ by: '刘主管', remarks: '账款相符' });
    expect(await callAs(rt, SUPERVISOR, keys.signDeposits, { ...day, commandId: newCommandId(), remarks: '' })).toMatchObject({ ok: false, code: 'KEY.ALREADY_SIGNED' });
  });

  it('K2, issue 16: a loan made, signed and given back reads and writes its key alone in its transaction, its copy read beside the membership; refusals there roll it back, nothing written', async () => {
    const { last } = watchTraces(rt);
    const readOnlyInTx = (collection: string) =>
      expect(last().filter((c) => c.detail === collection && c.kind === 'database.getDocument')).toEqual([{ wait: 2, kind: 'database.getDocument', detail: collection, inTransaction: true }]);
    // The loan a signature or a give-back names is read beside the membership (its copy names its key); the transaction touches no copy.
    const copyReadFirst = () => {
      expect(last().filter((c) => c.detail === 'keyLoans' && c.kind === 'database.getDocument')).toEqual([{ wait: 1, kind: 'database.getDocument', detail: 'keyLoans' }]);
      expect(last().filter((c) => c.detail === 'keyLoans' && c.inTransaction)).toEqual([]);
      readOnlyInTx('keys');
    };
    const key = expectOk(await addKey(rt, { kind: 'public', opens: '3楼', label: 'G3-01', depositFen: 0 }));
    const staffLoan = (keyId: string) => lendInput(rt, keyId, { borrower: { type: 'staff', memberId: memberIdOf(TECH_LI) }, signature: null, deposit: null });
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, keys.lend, staffLoan('ky_nothing_here'), 'KEY.NOT_FOUND');
    expectRolledBack(last());
    const offered = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, staffLoan(key.id)));
    readOnlyInTx('keys');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, keys.lend, staffLoan(key.id), 'KEY.ON_LOAN');
    expectRolledBack(last());
    const sign = (openid: string) => ({ propertyId: PROPERTY, commandId: newCommandId(), loanId: offered.id, version: offered.version, signature: uploadAs(rt, openid, `sig-${newCommandId()}.png`) });
    await expectRefusedUnchanged(rt, SUPERVISOR, keys.sign, sign(SUPERVISOR), 'KEY.NOT_YOUR_LOAN');
    expectRolledBack(last());
    await expectRefusedUnchanged(rt, TECH_LI, keys.sign, { ...sign(TECH_LI), loanId: 'kl_nothing_here' }, 'KEY.LOAN_NOT_FOUND');
    expectRolledBack(last());
    const signed = expectOk(await callAs(rt, TECH_LI, keys.sign, sign(TECH_LI)));
    copyReadFirst();
    const back = { propertyId: PROPERTY, commandId: newCommandId(), loanId: signed.id, version: signed.version, deposit: null };
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, keys.giveBack, { ...back, loanId: 'kl_nothing_here' }, 'KEY.LOAN_NOT_FOUND');
    expectRolledBack(last());
    const returned = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, back));
    copyReadFirst();
    const before = await snapshot(rt);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, back))).toEqual(returned);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('K2, issue 16: a loan is out on its key the moment its write commits; a copy its call died before writing is written by the timer\'s minute', async () => {
    const key = expectOk(await addKey(rt));
    const copies = () => raw<{ _id: string; status: string; depositOutcome: unknown; version: number }>(rt, 'keyLoans');
    const onLoan = async () => expectOk(await callAs(rt, DESK_ON_SHIFT, keys.list, { propertyId: PROPERTY, kind: 'equipment' })).items[0]?.onLoan;
    const listed = async () => expectOk(await callAs(rt, DESK_ON_SHIFT, keys.loans, { propertyId: PROPERTY })).items.map((l) => [l.id, l.status]);
    const loan = expectOk(await dyingAfterCommit(rt, () => callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id))));
    // Committed: the key is out, and a second loan of it refused, before any copy is written.
    expect(copies()).toEqual([]);
    expect(await onLoan()).toBe(true);
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id), 'KEY.ON_LOAN');
    expect((await tick(rt)).data.failed).toEqual([]);
    expect(await listed()).toEqual([[loan.id, 'lent']]);
    // The give-back dies after its commit: the key is free at once; its copy still says lent until the timer writes it.
    const back = { propertyId: PROPERTY, commandId: newCommandId(), loanId: loan.id, version: loan.version, deposit: { outcome: 'refunded' } };
    const returned = expectOk(await dyingAfterCommit(rt, () => callAs(rt, DESK_ON_SHIFT, keys.giveBack, back)));
    expect(returned).toMatchObject({ status: 'returned', depositOutcome: { outcome: 'refunded', amountFen: 20_000 } });
    expect(copies()).toEqual([expect.objectContaining({ _id: loan.id, status: 'lent' })]);
    expect(await onLoan()).toBe(false);
    // A second give-back of it, from a desk that read the old copy, is told the loan has changed, and changes nothing.
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, keys.giveBack, { ...back, commandId: newCommandId() }, 'COMMON.VERSION_CONFLICT');
    // The retried give-back answers what it did.
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, back))).toEqual(returned);
    const again = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id)));
    expect((await tick(rt)).data.failed).toEqual([]);
    expect(copies().find((c) => c._id === loan.id)).toMatchObject({ status: 'returned', version: returned.version, depositOutcome: { outcome: 'refunded', amountFen: 20_000 } });
    expect(await listed()).toEqual([[again.id, 'lent']]);
    expect((await storedEvents<{ subject: { id: string }; action: string }>(rt)).filter((e) => e.subject.id === loan.id).map((e) => e.action)).toEqual(['lend', 'giveBack']);
  });

  it('K2, issue 16: copies written late and out of order end as the newest step: a signature whose call died, then a give-back', async () => {
    const key = expectOk(await addKey(rt, { kind: 'public', opens: '3楼', label: 'G3-01', depositFen: 0 }));
    const offered = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { borrower: { type: 'staff', memberId: memberIdOf(TECH_LI) }, signature: null, deposit: null })));
    const signature = uploadAs(rt, TECH_LI, `sig-${newCommandId()}.png`);
    const signed = expectOk(await dyingAfterCommit(rt, () => callAs(rt, TECH_LI, keys.sign, { propertyId: PROPERTY, commandId: newCommandId(), loanId: offered.id, version: offered.version, signature })));
    expect(raw(rt, 'keyLoans')).toEqual([expect.objectContaining({ status: 'pending', signature: null })]);
    // The desk gives it back on the signed loan (its key holds it) before any copy shows the signature.
    const returned = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, { propertyId: PROPERTY, commandId: newCommandId(), loanId: offered.id, version: signed.version, deposit: null }));
    expect(returned).toMatchObject({ status: 'returned', signature: expect.stringContaining(encodeURIComponent(signature.replace('cloud://local.local/', ''))) });
    const returnedCopy = raw(rt, 'keyLoans');
    expect(returnedCopy).toEqual([expect.objectContaining({ status: 'returned', signature, version: returned.version })]);
    // The signature's copy lands late, as a timer's run that read the records before the give-back committed lands it:
    // older than the one stored, it changes nothing.
    const signRecord = raw<{ action: string; journal?: JournalEntry[] }>(rt, 'commands').find((c) => c.action === 'keys.sign')!;
    await applyPuts(rt.db, signRecord.journal ?? []);
    expect(raw(rt, 'keyLoans')).toEqual(returnedCopy);
    expect((await tick(rt)).data.failed).toEqual([]);
    expect(raw(rt, 'keyLoans')).toEqual(returnedCopy);
  });

  it('K2, issue 16: a key stored before it carried its loan is given back as before, its loan read from the copies', async () => {
    const key = expectOk(await addKey(rt));
    const loan = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id)));
    // As a key and its loan stood before (schema version 1): the key names its loan only.
    const { loan: _held, ...older } = { ...raw<{ _id: string; loan: unknown }>(rt, 'keys')[0]!, schemaVersion: 1 };
    const stored = older;
    await rt.db.collection('keys').doc(String(stored._id)).remove();
    rt.engine.insertRaw('keys', [older]);
    const returned = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, { propertyId: PROPERTY, commandId: newCommandId(), loanId: loan.id, version: loan.version, deposit: { outcome: 'refunded' } }));
    expect(returned).toMatchObject({ status: 'returned' });
    expect(raw(rt, 'keys')[0]).toMatchObject({ schemaVersion: 2, loanId: null, loan: null });
    expect(raw(rt, 'keyLoans')).toEqual([expect.objectContaining({ status: 'returned' })]);
  });

  it('K2: a staff member\'s loan waits for their own signature on their phone; nobody else may sign it', async () => {
    const key = expectOk(await addKey(rt, { kind: 'public', opens: '3楼', label: 'G3-01', depositFen: 0 }));
    const team = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.staff, { propertyId: PROPERTY })).items;
    expect(team).toContainEqual({ memberId: memberIdOf(TECH_LI), name: '李建国', role: 'technician' });
    expect(team.map((m) => m.memberId)).not.toContain(memberIdOf(WANG));
    expect(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { borrower: { type: 'staff', memberId: memberIdOf(WANG) }, signature: null, deposit: null }))).toMatchObject({ ok: false, code: 'KEY.BORROWER_NOT_FOUND' });
    const offered = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { borrower: { type: 'staff', memberId: memberIdOf(TECH_LI) }, signature: null, deposit: null })));
    expect(offered).toMatchObject({ status: 'pending', borrower: { type: 'staff', name: '李建国' }, deposit: null });
    const sign = (openid: string) => ({ propertyId: PROPERTY, commandId: newCommandId(), loanId: offered.id, version: offered.version, signature: uploadAs(rt, openid, `sig-${newCommandId()}.png`) });
    expect(await callAs(rt, SUPERVISOR, keys.sign, sign(SUPERVISOR))).toMatchObject({ ok: false, code: 'KEY.NOT_YOUR_LOAN' });
    expect(await callAs(rt, TECH_LI, keys.sign, { ...sign(TECH_LI), signature: uploadAs(rt, DESK_ON_SHIFT, 'desk.png') })).toMatchObject({ ok: false, code: 'KEY.FILE_NOT_YOURS' });
    const mine = expectOk(await callAs(rt, TECH_LI, keys.mine, { propertyId: PROPERTY }));
    expect(mine.items.map((l) => [l.id, l.mineToSign])).toEqual([[offered.id, true]]);
    expect(expectOk(await callAs(rt, TECH_LI, keys.sign, sign(TECH_LI)))).toMatchObject({ status: 'lent', mineToSign: false });
  });

  it('K2: overdue loans remind the desk at once and escalate to the supervisor two hours after the due time, each once', async () => {
    const key = expectOk(await addKey(rt));
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { dueBackAt: '2026-11-23T11:00:00+08:00' })));
    rt.clock.set('2026-11-23T03:00:00.000Z');
    expect((await tick(rt)).data.keys.chased).toBe(0);
    rt.clock.set('2026-11-23T03:00:00.001Z');
    expect((await tick(rt)).data.keys.chased).toBe(1);
    expect(inbox(rt, 'key.overdue')).toEqual([expect.objectContaining({ recipient: 'role:desk', body: 'SB-02（赵师傅）应于 11-23 11:00 归还，尚未还回' })]);
    expect(inbox(rt, 'key.escalated')).toEqual([]);
    rt.clock.set('2026-11-23T04:59:59.999Z');
    expect((await tick(rt)).data.keys.chased).toBe(0);
    rt.clock.set('2026-11-23T05:00:00.000Z');
    expect((await tick(rt)).data.keys.chased).toBe(1);
    expect(inbox(rt, 'key.escalated')).toEqual([expect.objectContaining({ recipient: 'role:supervisor' })]);
    rt.clock.advanceMinutes(30);
    expect((await tick(rt)).data).toMatchObject({ keys: { chased: 0 }, failed: [] });
    const loans = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.loans, { propertyId: PROPERTY }));
    expect(loans.items.map((l) => [l.status, l.escalated])).toEqual([['overdue', true]]);
  });

  it('K2: a loan due back at midnight is said to be due at 24:00 of its day, never 00:00 of the next (the one deadline clock)', async () => {
    const key = expectOk(await addKey(rt));
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.lend, lendInput(rt, key.id, { dueBackAt: '2026-11-24T00:00:00+08:00' })));
    rt.clock.set('2026-11-23T16:00:00.001Z');
    expect((await tick(rt)).data.keys.chased).toBe(1);
    expect(inbox(rt, 'key.overdue').map((n) => n.body)).toEqual(['SB-02（赵师傅）应于 11-23 24:00 归还，尚未还回']);
  });

  it('K2: a resident, a technician and another property\'s desk are refused, and nothing changes', async () => {
    const key = expectOk(await addKey(rt));
    const now = '2026-11-01T00:00:00.000Z';
    await rt.db.collection('properties').doc('other').set({ data: { propertyId: 'other', schemaVersion: 1, name: '翠湖苑', deskPhone: '021-66660000' } });
    await rt.db.collection('members').doc('mb_otherdesk').set({
      data: { propertyId: 'other', schemaVersion: 2, openid: 'o-other-desk', role: 'desk', status: 'active', name: '外盘客服', phone: '13000000000', roomIds: [], skills: [], vip: false, createdAt: now },
    });
    const input = lendInput(rt, key.id);
    const theirs = { ...input, propertyId: 'other', signature: uploadAs(rt, 'o-other-desk', 'sig.png') };
    const before = await snapshot(rt);
    expect(await callAs(rt, WANG, keys.lend, input)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, TECH_LI, keys.lend, input)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, WANG, keys.loans, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, 'o-other-desk', keys.lend, input)).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-desk', keys.lend, theirs)).toMatchObject({ ok: false, code: 'KEY.NOT_FOUND' });
    expect(expectOk(await callAs(rt, 'o-other-desk', keys.list, { propertyId: 'other', kind: 'equipment' })).items).toEqual([]);
    expect(await snapshot(rt)).toEqual(before);
  });
});

describe('K3: the monthly key inventory', () => {
  let rt: Rt;
  afterEach(() => rt.close());

  const count = (kind: string, counted: number, explanation = '') => callAs(rt, DESK_ON_SHIFT, keys.count, { propertyId: PROPERTY, commandId: newCommandId(), kind, counted, explanation });

  it('K3: the desk is reminded on the 25th and counts each kind until the 27th; a difference is explained; the supervisor is reminded and signs on the 28th', async () => {
    rt = await startRuntime(testClock('2026-11-24T15:59:00.000Z'));
    expectOk(await addKey(rt));
    expectOk(await addKey(rt, { kind: 'public', opens: '3楼', label: 'G3-01', depositFen: 0 }));
    expect((await tick(rt)).data.keys.reminded).toBe(0);
    expect(await count('equipment', 1)).toMatchObject({ ok: false, code: 'STATE.TOO_EARLY' });
    rt.clock.set('2026-11-24T16:00:00.000Z');
    expect((await tick(rt)).data.keys.reminded).toBe(1);
    expect((await tick(rt)).data.keys.reminded).toBe(0);
    expect(inbox(rt, 'key.inventory')).toEqual([expect.objectContaining({ recipient: 'role:desk' })]);
    expect(await count('equipment', 0)).toMatchObject({ ok: false, code: 'KEY.DIFFERENCE_UNEXPLAINED' });
    expectOk(await count('equipment', 0, '水泵房钥匙借给赵师傅未还'));
    const view = expectOk(await count('public', 1));
    expect(view.rows.filter((r) => r.counted !== null).map((r) => [r.kind, r.expected, r.counted])).toEqual([['public', 1, 1], ['equipment', 1, 0]]);
    rt.clock.set('2026-11-27T15:59:00.000Z');
    expect(await callAs(rt, SUPERVISOR, keys.signInventory, { propertyId: PROPERTY, commandId: newCommandId(), month: '2026-11', version: view.version })).toMatchObject({ ok: false, code: 'STATE.TOO_EARLY' });
    rt.clock.set('2026-11-27T16:00:00.000Z');
    expect(await count('public', 1)).toMatchObject({ ok: false, code: 'STATE.TOO_LATE' });
    expect((await tick(rt)).data.keys.reminded).toBe(1);
    expect(inbox(rt, 'key.report')).toEqual([expect.objectContaining({ recipient: 'role:supervisor' })]);
    const signed = expectOk(await callAs(rt, SUPERVISOR, keys.signInventory, { propertyId: PROPERTY, commandId: newCommandId(), month: '2026-11', version: view.version }));
    expect(signed).toMatchObject({ status: 'signed', phase: 'report', signed: { by: '刘主管' } });
    expect((await storedEvents<{ machine: string; action: string }>(rt)).filter((e) => e.machine === 'keyInventory').map((e) => e.action)).toEqual(['open', 'count', 'count', 'sign']);
  });

  it('K3: the report is not signed while a kind the register holds is uncounted', async () => {
    rt = await startRuntime(testClock('2026-11-25T02:00:00.000Z'));
    expectOk(await addKey(rt));
    expectOk(await addKey(rt, { kind: 'resident', opens: '1-2-1502', label: '1502-防盗门', depositFen: 0 }));
    const view = expectOk(await count('equipment', 1));
    rt.clock.set('2026-11-28T02:00:00.000Z');
    expect(await callAs(rt, SUPERVISOR, keys.signInventory, { propertyId: PROPERTY, commandId: newCommandId(), month: '2026-11', version: view.version })).toMatchObject({ ok: false, code: 'KEY.UNCOUNTED' });
    expect(await callAs(rt, SUPERVISOR, keys.signInventory, { propertyId: PROPERTY, commandId: newCommandId(), month: '2026-10', version: 1 })).toMatchObject({ ok: false, code: 'KEY.INVENTORY_NOT_STARTED' });
  });
});
