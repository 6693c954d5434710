import { complaints, members, reception, repairs, settings, type Action } from '@shared/contracts';
import * as duty from '@shared/contracts/duty.contract';
import * as files from '@shared/contracts/files.contract';
import * as keys from '@shared/contracts/keys.contract';
import type { CallCount } from '../../local/call-meter';
import {
  callAs,
  complaintInput,
  DESK_ON_SHIFT,
  DESK_OTHER,
  expectOk,
  expectRefusedRolledBack,
  expectRefusedUnchanged,
  holdCommitsUntilBothRead,
  MANAGER,
  MORNING,
  memberIdOf,
  raw,
  repairInput,
  newCommandId,
  PROPERTY,
  seedOtherProperty,
  snapshot,
  SUPERVISOR,
  TECH_LI,
  TECH_MA,
  tracedRuntimeEachTest,
  uploadAs,
  WANG,
  WANG_ROOM,
  ZHANG,
} from './harness';
import { file, onSite } from './work-order';

/**
 * Issue 16: a write whose transaction starts in the call's first wave reads the entity it changes once, in that
 * transaction, and checks it there: the caller's sight of it, the step's own checks, the version. A refused
 * caller gets the code she got when the entity was read before the transaction, and the transaction is rolled
 * back: nothing is written. (The repairs' and complaints' steps: step-reads.test.ts, case-reads.test.ts.)
 */
describe('issue 16: a write reads its entity once, in its transaction; refusals roll it back', () => {
  const traced = tracedRuntimeEachTest();

  /** Issue 16: a command sent again answers its first result and writes nothing more. */
  const expectReplayed = async <A extends Action>(who: string, action: A, input: unknown) => {
    const first = expectOk(await callAs(traced.rt, who, action, input));
    const before = await snapshot(traced.rt);
    expect(expectOk(await callAs(traced.rt, who, action, input))).toEqual(first);
    expect(await snapshot(traced.rt)).toEqual(before);
    return first;
  };

  /** The reads of `collection` the call made: each with its wave and whether it was in the transaction. */
  const readsOf = (trace: CallCount['trace'], collection: string) => trace.filter((c) => c.detail === collection && c.kind === 'database.getDocument');
  const inTxOnly = (collection: string, wave = 2) => expect(readsOf(traced.last(), collection)).toEqual([{ wait: wave, kind: 'database.getDocument', detail: collection, inTransaction: true }]);

  describe('K2: a left key', () => {
    const left = async () => {
      const o = await onSite(traced.rt);
      const key = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, keys.leaveKey, { propertyId: PROPERTY, commandId: newCommandId(), repairId: o.current.id, technicianId: memberIdOf(TECH_LI), keys: '入户门钥匙 1 把', leftBy: '王秀英' }));
      return { o, key };
    };
    const on = (k: { id: string; version: number }) => ({ propertyId: PROPERTY, commandId: newCommandId(), leftKeyId: k.id, version: k.version });
    const borrowInput = (k: { id: string; version: number }, who = TECH_LI) => ({ ...on(k), signature: uploadAs(traced.rt, who, `sig-${newCommandId()}.png`) });

    it('K2: borrowing and bringing back read the key only in the transaction, in the wave after the first', async () => {
      const { key } = await left();
      const out = expectOk(await callAs(traced.rt, TECH_LI, keys.borrowLeft, borrowInput(key)));
      inTxOnly('leftKeys');
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, keys.bringBackLeft, on(out)));
      inTxOnly('leftKeys');
    });

    it('K2: giving it back reads the key in the transaction and its order beside the key\'s write, not after it', async () => {
      const { o, key } = await left();
      const back = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, keys.bringBackLeft, on(expectOk(await callAs(traced.rt, TECH_LI, keys.borrowLeft, borrowInput(key))))));
      expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
      expectOk(await o.step(WANG, repairs.accept));
      expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [], amountFen: 0 }));
      expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, keys.giveToResident, { ...on(back), residentName: '王秀英' }));
      inTxOnly('leftKeys');
      expect(readsOf(traced.last(), 'repairs')).toEqual([{ wait: 3, kind: 'database.getDocument', detail: 'repairs' }]);
      expect(traced.last().filter((c) => c.kind === 'database.modifyDocument' && c.detail === 'leftKeys').map((c) => c.wait)).toEqual([3]);
    });

    it('K2: another technician is KEY.NOT_YOUR_LOAN, another\'s signature KEY.FILE_NOT_YOURS, another property\'s desk KEY.LEFT_NOT_FOUND: each rolled back, nothing written', async () => {
      const { key } = await left();
      await seedOtherProperty(traced.rt);
      await expectRefusedRolledBack(traced, TECH_MA, keys.borrowLeft, borrowInput(key, TECH_MA), 'KEY.NOT_YOUR_LOAN');
      await expectRefusedRolledBack(traced, TECH_LI, keys.borrowLeft, { ...on(key), signature: uploadAs(traced.rt, DESK_ON_SHIFT, 'desk.png') }, 'KEY.FILE_NOT_YOURS');
      await expectRefusedRolledBack(traced, 'o-other-desk', keys.bringBackLeft, { ...on(key), propertyId: 'other' }, 'KEY.LEFT_NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, keys.bringBackLeft, { ...on(key), leftKeyId: 'lk_nothing_here' }, 'KEY.LEFT_NOT_FOUND');
    });

    it('K2: a stale version is COMMON.VERSION_CONFLICT only for the key\'s technician; another still gets KEY.NOT_YOUR_LOAN', async () => {
      const { key } = await left();
      const stale = { id: key.id, version: key.version + 1 };
      await expectRefusedUnchanged(traced.rt, TECH_MA, keys.borrowLeft, borrowInput(stale, TECH_MA), 'KEY.NOT_YOUR_LOAN');
      await expectRefusedRolledBack(traced, TECH_LI, keys.borrowLeft, borrowInput(stale), 'COMMON.VERSION_CONFLICT');
    });

    it('K2: an order not signed off is KEY.ORDER_NOT_SIGNED before a stale version, and the key\'s write is rolled back', async () => {
      const { key } = await left();
      const back = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, keys.bringBackLeft, on(expectOk(await callAs(traced.rt, TECH_LI, keys.borrowLeft, borrowInput(key))))));
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, keys.giveToResident, { ...on(back), residentName: '王秀英' }, 'KEY.ORDER_NOT_SIGNED');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, keys.giveToResident, { ...on({ id: back.id, version: back.version - 1 }), residentName: '王秀英' }, 'KEY.ORDER_NOT_SIGNED');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, keys.giveToResident, { ...on({ id: 'lk_nothing_here', version: 1 }), residentName: '王秀英' }, 'KEY.LEFT_NOT_FOUND');
    });

    it('K2: a borrowing sent again answers its first result and writes nothing more', async () => {
      const { key } = await left();
      const input = borrowInput(key);
      await expectReplayed(TECH_LI, keys.borrowLeft, input);
    });
  });

  describe('P1: a file grant', () => {
    const asked = async () => expectOk(await callAs(traced.rt, DESK_ON_SHIFT, files.ask, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, reason: '住户来电要求核对车位登记' }));
    const on = (g: { id: string; version: number }) => ({ propertyId: PROPERTY, commandId: newCommandId(), grantId: g.id, version: g.version });

    it('P1: a decision and a revoke read the grant only in the transaction, in the wave after the first', async () => {
      const granted = expectOk(await callAs(traced.rt, SUPERVISOR, files.decide, { ...on(await asked()), decision: 'grant' }));
      inTxOnly('fileGrants');
      expectOk(await callAs(traced.rt, SUPERVISOR, files.revoke, on(granted)));
      inTxOnly('fileGrants');
    });

    it('P1: another property\'s supervisor and a grant id that names none are FILE.GRANT_NOT_FOUND, a stale version COMMON.VERSION_CONFLICT: each rolled back, nothing written', async () => {
      const grant = await asked();
      await seedOtherProperty(traced.rt, [{ id: 'mb_othersup', openid: 'o-other-sup', role: 'supervisor', name: '外盘主管' }]);
      await expectRefusedRolledBack(traced, 'o-other-sup', files.decide, { ...on(grant), propertyId: 'other', decision: 'grant' }, 'FILE.GRANT_NOT_FOUND');
      await expectRefusedRolledBack(traced, SUPERVISOR, files.decide, { ...on({ id: 'fg_nothing_here', version: 1 }), decision: 'grant' }, 'FILE.GRANT_NOT_FOUND');
      await expectRefusedRolledBack(traced, SUPERVISOR, files.decide, { ...on({ id: grant.id, version: grant.version + 1 }), decision: 'grant' }, 'COMMON.VERSION_CONFLICT');
      const granted = expectOk(await callAs(traced.rt, SUPERVISOR, files.decide, { ...on(grant), decision: 'grant' }));
      await expectRefusedRolledBack(traced, 'o-other-sup', files.revoke, { ...on(granted), propertyId: 'other' }, 'FILE.GRANT_NOT_FOUND');
      await expectRefusedRolledBack(traced, SUPERVISOR, files.revoke, on({ id: granted.id, version: granted.version + 1 }), 'COMMON.VERSION_CONFLICT');
    });

    it('P1: a revoke sent again answers its first result and logs nothing more', async () => {
      const granted = expectOk(await callAs(traced.rt, SUPERVISOR, files.decide, { ...on(await asked()), decision: 'grant' }));
      const input = on(granted);
      await expectReplayed(SUPERVISOR, files.revoke, input);
    });
  });

  describe('V1: a reception log entry', () => {
    const logged = async () =>
      expectOk(
        await callAs(traced.rt, DESK_ON_SHIFT, reception.log, {
          propertyId: PROPERTY, commandId: newCommandId(), kind: 'walk_in', name: '赵先生', address: '2-1-201', phone: '13800000601',
          subject: '询问车位租赁续约', department: '停车场管理', responsible: '王队长', settled: false, replyBy: '2026-11-23T17:00:00+08:00',
        }),
      );
    const result = (r: { id: string; version: number }) => ({ propertyId: PROPERTY, commandId: newCommandId(), receptionId: r.id, version: r.version, text: '已续约至明年6月' });

    it('V1: a result written back reads the entry only in the transaction, in the wave after the first', async () => {
      expectOk(await callAs(traced.rt, SUPERVISOR, reception.writeResult, result(await logged())));
      inTxOnly('receptions');
    });

    it('V1: another property\'s desk and an id that names no entry are RECEPTION.NOT_FOUND, a stale version COMMON.VERSION_CONFLICT: each rolled back, nothing written', async () => {
      const entry = await logged();
      await seedOtherProperty(traced.rt);
      await expectRefusedRolledBack(traced, 'o-other-desk', reception.writeResult, { ...result(entry), propertyId: 'other' }, 'RECEPTION.NOT_FOUND');
      await expectRefusedRolledBack(traced, SUPERVISOR, reception.writeResult, result({ id: 'rc_nothing_here', version: 1 }), 'RECEPTION.NOT_FOUND');
      await expectRefusedUnchanged(traced.rt, 'o-other-desk', reception.writeResult, { ...result({ id: entry.id, version: entry.version + 1 }), propertyId: 'other' }, 'RECEPTION.NOT_FOUND');
      await expectRefusedRolledBack(traced, SUPERVISOR, reception.writeResult, result({ id: entry.id, version: entry.version + 1 }), 'COMMON.VERSION_CONFLICT');
    });

    it('V1: a result sent again answers its first result and writes nothing more', async () => {
      const input = result(await logged());
      await expectReplayed(SUPERVISOR, reception.writeResult, input);
    });
  });

  describe('K2: a day\'s deposits signed', () => {
    const day = { propertyId: PROPERTY, date: '2026-11-23', remarks: '账款相符' };

    it('K2: the day\'s signature and its loans are read with the membership, in the first wave, outside the transaction', async () => {
      expectOk(await callAs(traced.rt, SUPERVISOR, keys.signDeposits, { ...day, commandId: newCommandId() }));
      for (const collection of ['keyDepositDays', 'keyLoans']) {
        expect({ collection, reads: traced.last().filter((c) => c.detail === collection && c.kind !== 'database.modifyDocument') }).toEqual({ collection, reads: [expect.objectContaining({ wait: 1 })] });
        expect(traced.last().filter((c) => c.detail === collection && c.kind !== 'database.modifyDocument' && c.inTransaction)).toEqual([]);
      }
      expect(traced.last().filter((c) => c.kind === 'database.commitTransaction').map((c) => c.wait)).toEqual([4]);
    });

    it('K2: a day ahead is KEY.DAY_AHEAD, a day signed KEY.ALREADY_SIGNED, the desk COMMON.FORBIDDEN: nothing written; sent again, the signing answers its first result', async () => {
      await expectRefusedUnchanged(traced.rt, SUPERVISOR, keys.signDeposits, { ...day, commandId: newCommandId(), date: '2026-11-24' }, 'KEY.DAY_AHEAD');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, keys.signDeposits, { ...day, commandId: newCommandId() }, 'COMMON.FORBIDDEN');
      const input = { ...day, commandId: newCommandId() };
      const first = expectOk(await callAs(traced.rt, SUPERVISOR, keys.signDeposits, input));
      await expectRefusedUnchanged(traced.rt, SUPERVISOR, keys.signDeposits, { ...day, commandId: newCommandId(), remarks: '' }, 'KEY.ALREADY_SIGNED');
      const before = await snapshot(traced.rt);
      expect(expectOk(await callAs(traced.rt, SUPERVISOR, keys.signDeposits, input))).toEqual(first);
      expect(await snapshot(traced.rt)).toEqual(before);
    });
  });

  describe('C5: a complaint rated', () => {
    const resolved = async () => {
      const filed = expectOk(await callAs(traced.rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
      const ref = { kind: 'complaint' as const, id: filed.id };
      const on = (version: number) => ({ propertyId: PROPERTY, commandId: newCommandId(), ref, version });
      const classified = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, complaints.classify, { ...on(filed.version), class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '' }));
      const slipped = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, complaints.issueSlip, { ...on(classified.version), department: '工程部', assignee: '马超', instructions: '联系电梯维保' }));
      return expectOk(await callAs(traced.rt, DESK_ON_SHIFT, complaints.reply, { ...on(slipped.version), form: 'phone', content: '已联系维保单位检修，噪音已消除' }));
    };
    const rating = (c: { id: string; version: number }) => ({ propertyId: PROPERTY, commandId: newCommandId(), complaintId: c.id, version: c.version, score: 4, comment: '处理及时' });

    it('C5: a rating reads the complaint only in the transaction, in the wave after the first', async () => {
      expectOk(await callAs(traced.rt, WANG, complaints.rate, rating(await resolved())));
      inTxOnly('complaints');
    });

    it('C5: her household\'s other resident, another room\'s and an id that names nothing are COMPLAINT.NOT_FOUND, even with a stale version; the filer\'s stale version COMMON.VERSION_CONFLICT: each rolled back, nothing written', async () => {
      const c = await resolved();
      const stale = { id: c.id, version: c.version + 1 };
      for (const who of ['o-res-wu', ZHANG]) {
        await expectRefusedRolledBack(traced, who, complaints.rate, rating(c), 'COMPLAINT.NOT_FOUND');
        await expectRefusedUnchanged(traced.rt, who, complaints.rate, rating(stale), 'COMPLAINT.NOT_FOUND');
      }
      await expectRefusedRolledBack(traced, WANG, complaints.rate, rating({ id: 'cp_nothing_here', version: 1 }), 'COMPLAINT.NOT_FOUND');
      await expectRefusedRolledBack(traced, WANG, complaints.rate, rating(stale), 'COMMON.VERSION_CONFLICT');
    });

    it('C5: a rating sent again answers its first result and writes nothing more', async () => {
      const input = rating(await resolved());
      await expectReplayed(WANG, complaints.rate, input);
    });
  });

  describe('issue 7 (5): the settings changed', () => {
    const change = (fields: Record<string, unknown>, propertyId = PROPERTY) => ({ propertyId, commandId: newCommandId(), ...fields });

    it('the settings are read once, in the transaction; the people and history of the answer, and the roster\'s desk, with the membership', async () => {
      expectOk(await callAs(traced.rt, MANAGER, settings.updateSettings, change({ groupComplaintWindowHours: 12 })));
      inTxOnly('settings');
      const outside = traced.last().filter((c) => c.kind === 'database.getDocument' && !c.inTransaction);
      // The caller's membership and the property's status are one query (the first 'members'), then the answer's people and
      // history (the events stored, and those still in unchecked journals: events.ts `eventsOf`).
      expect(outside.map((c) => [c.wait, c.detail])).toEqual([[1, 'members'], [1, 'members'], [1, 'members'], [1, 'events'], [1, 'commands']]);
      expectOk(await callAs(traced.rt, MANAGER, settings.updateSettings, change({ shifts: [{ name: '早班', start: '08:00', deskMemberIds: [memberIdOf('o-desk-lin')] }] })));
      inTxOnly('settings');
      expect(traced.last().filter((c) => c.kind === 'database.getDocument' && !c.inTransaction).map((c) => c.wait)).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it('a property with no settings stored gets its document made in the transaction, with the change, and the change logged', async () => {
      await seedOtherProperty(traced.rt, [{ id: 'mb_othermgr', openid: 'o-other-mgr', role: 'manager', name: '外盘经理' }]);
      expect(raw<{ _id: string }>(traced.rt, 'settings').map((s) => s._id)).not.toContain('other');
      const saved = expectOk(await callAs(traced.rt, 'o-other-mgr', settings.updateSettings, change({ groupComplaintWindowHours: 12 }, 'other')));
      expect(saved).toMatchObject({ groupComplaintWindowHours: 12, history: [{ by: '外盘经理', fields: ['groupComplaintWindowHours'] }] });
      expect(raw<{ _id: string; groupComplaintWindowHours: number }>(traced.rt, 'settings').find((s) => s._id === 'other')).toMatchObject({ groupComplaintWindowHours: 12 });
      // A property seeded without the copy of its status (as one made before the copies) has its document read first: one wait more.
      inTxOnly('settings', 3);
      expect(expectOk(await callAs(traced.rt, 'o-other-mgr', settings.settings, { propertyId: 'other' })).groupComplaintWindowHours).toBe(12);
    });

    it('two first changes at once, on a property with no settings stored, both count: the later run reads the document the first made', async () => {
      await seedOtherProperty(traced.rt, [{ id: 'mb_othermgr', openid: 'o-other-mgr', role: 'manager', name: '外盘经理' }]);
      const both = await Promise.all([
        callAs(traced.rt, 'o-other-mgr', settings.updateSettings, change({ groupComplaintWindowHours: 12 }, 'other')),
        callAs(traced.rt, 'o-other-mgr', settings.updateSettings, change({ ackMinutes: { urgent: 10, normal: 90 } }, 'other')),
      ]);
      both.forEach((r) => expectOk(r));
      expect(raw<{ _id: string }>(traced.rt, 'settings').find((s) => s._id === 'other')).toMatchObject({ groupComplaintWindowHours: 12, ackMinutes: { urgent: 10, normal: 90 } });
    });

    it('the desk is COMMON.FORBIDDEN, a roster naming a technician SETTINGS.NOT_DESK, hours the wrong way round SETTINGS.HOURS, another property\'s manager COMMON.NOT_A_MEMBER: nothing written', async () => {
      await seedOtherProperty(traced.rt, [{ id: 'mb_othermgr', openid: 'o-other-mgr', role: 'manager', name: '外盘经理' }]);
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, settings.updateSettings, change({ groupComplaintWindowHours: 12 }), 'COMMON.FORBIDDEN');
      await expectRefusedRolledBack(traced, MANAGER, settings.updateSettings, change({ shifts: [{ name: '早班', start: '08:00', deskMemberIds: [memberIdOf(TECH_LI)] }] }), 'SETTINGS.NOT_DESK');
      await expectRefusedRolledBack(traced, MANAGER, settings.updateSettings, change({ openingHours: { open: '20:00', close: '08:00' } }), 'SETTINGS.HOURS');
      await expectRefusedUnchanged(traced.rt, 'o-other-mgr', settings.updateSettings, change({ groupComplaintWindowHours: 12 }), 'COMMON.NOT_A_MEMBER');
    });

    it('a change sent again answers its first result and writes nothing more', async () => {
      const input = change({ groupComplaintWindowHours: 12 });
      await expectReplayed(MANAGER, settings.updateSettings, input);
    });
  });

  describe('R2: a call or walk-in registered by the desk', () => {
    const call = (over: Record<string, unknown> = {}) => ({
      propertyId: PROPERTY, commandId: newCommandId(), residentId: memberIdOf(WANG), roomId: WANG_ROOM, channel: 'phone',
      callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null, ...over,
    });
    const round = { residentId: undefined, roomId: undefined, place: { scope: 'building', building: '1', floor: 1 }, callerName: '保安 陈刚', category: 'elevator', description: '巡查发现1栋电梯困人' };

    it('R2: the resident it names and her room are read with the membership, in the first wave; the repair\'s write is the transaction\'s first operation', async () => {
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, repairs.register, call()));
      const reads = traced.last().filter((c) => c.kind === 'database.getDocument' && (c.detail === 'members' || c.detail === 'rooms'));
      expect(reads.map((c) => [c.wait, c.detail])).toEqual([[1, 'members'], [1, 'members'], [1, 'rooms']]);
      expect(traced.last().filter((c) => c.detail === 'repairs').map((c) => [c.wait, c.kind, c.inTransaction])).toEqual([[2, 'database.modifyDocument', true]]);
    });

    it('R2: a resident of another room, one who is no resident and a building with no rooms keep their codes, and write nothing', async () => {
      await seedOtherProperty(traced.rt, [{ id: 'mb_otherres', openid: 'o-other-res', role: 'resident', name: '外盘住户', roomIds: ['other:1-1-101'] }]);
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, repairs.register, call({ residentId: memberIdOf(ZHANG) }), 'REPAIR.ROOM_NOT_YOURS');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, repairs.register, call({ residentId: memberIdOf(TECH_LI) }), 'REPAIR.RESIDENT_NOT_FOUND');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, repairs.register, call({ residentId: 'mb_otherres', roomId: 'other:1-1-101' }), 'REPAIR.RESIDENT_NOT_FOUND');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, repairs.register, call({ ...round, place: { scope: 'building', building: '99', floor: 1 } }), 'REPAIR.PLACE_NOT_FOUND');
      await expectRefusedUnchanged(traced.rt, TECH_LI, repairs.register, call(), 'COMMON.FORBIDDEN');
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, repairs.register, call(round)));
    });
  });

  describe('K3: the monthly key inventory', () => {
    const addKey = async (over: Record<string, unknown> = {}) =>
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, keys.add, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', opens: '2号楼水泵房', label: 'SB-02', set: 'working', depositFen: 20_000, ...over }));
    const count = (kind: string, counted: number, explanation = '') => callAs(traced.rt, DESK_ON_SHIFT, keys.count, { propertyId: PROPERTY, commandId: newCommandId(), kind, counted, explanation });
    const sign = (version: number, month = '2026-11') => ({ propertyId: PROPERTY, commandId: newCommandId(), month, version });
    const counts = () => traced.last().filter((c) => c.kind === 'database.calculateDocument' && c.detail === 'keys');

    it('K3: a count and a signature take the register\'s counts with the membership, in the first wave, and read the inventory once, in the transaction', async () => {
      traced.rt.clock.set('2026-11-25T02:00:00.000Z');
      await addKey();
      expectOk(await count('equipment', 1));
      expect(counts().map((c) => c.wait)).toEqual([1, 1, 1, 1]);
      inTxOnly('keyInventories');
      const view = expectOk(await count('equipment', 1));
      inTxOnly('keyInventories');
      traced.rt.clock.set('2026-11-28T02:00:00.000Z');
      expectOk(await callAs(traced.rt, SUPERVISOR, keys.signInventory, sign(view.version)));
      expect(counts().map((c) => c.wait)).toEqual([1, 1, 1, 1]);
      inTxOnly('keyInventories');
    });

    it('K3: the first count makes the month\'s inventory in its transaction; two first counts at once both count', async () => {
      traced.rt.clock.set('2026-11-25T02:00:00.000Z');
      await addKey();
      await addKey({ kind: 'public', opens: '3楼', label: 'G3-01', depositFen: 0 });
      const race = holdCommitsUntilBothRead(traced.rt, 'keyInventories');
      const both = await Promise.all([count('equipment', 1), count('public', 1)]);
      both.forEach((r) => expectOk(r));
      expect(race.raced()).toBe(true);
      const [inv] = raw<{ counts: { kind: string }[] }>(traced.rt, 'keyInventories');
      expect(inv!.counts.map((x) => x.kind).sort()).toEqual(['equipment', 'public']);
    });

    it('K3: not started, uncounted and a stale version keep their codes in that order, a difference unexplained its own: each writes nothing', async () => {
      traced.rt.clock.set('2026-11-25T02:00:00.000Z');
      await addKey();
      await addKey({ kind: 'resident', opens: '1-2-1502', label: '1502-防盗门', depositFen: 0 });
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, keys.count, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', counted: 0, explanation: '' }, 'KEY.DIFFERENCE_UNEXPLAINED');
      const view = expectOk(await count('equipment', 1));
      traced.rt.clock.set('2026-11-28T02:00:00.000Z');
      await expectRefusedRolledBack(traced, SUPERVISOR, keys.signInventory, sign(1, '2026-10'), 'KEY.INVENTORY_NOT_STARTED');
      await expectRefusedRolledBack(traced, SUPERVISOR, keys.signInventory, sign(view.version + 1), 'KEY.UNCOUNTED');
      traced.rt.clock.set('2026-11-26T02:00:00.000Z');
      const all = expectOk(await count('resident', 1));
      traced.rt.clock.set('2026-11-28T02:00:00.000Z');
      await expectRefusedRolledBack(traced, SUPERVISOR, keys.signInventory, sign(all.version + 1), 'COMMON.VERSION_CONFLICT');
      await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, keys.signInventory, sign(all.version), 'COMMON.FORBIDDEN');
      const input = sign(all.version);
      await expectReplayed(SUPERVISOR, keys.signInventory, input);
    });
  });

  describe('D1 D2: the duty log', () => {
    const PAGE = `${PROPERTY}~2026-11-23~0800`;
    const logged = async (what = '前台打印机卡纸') =>
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.logEntry, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'other', what, handling: '已处理', followUp: '', result: '恢复正常', status: 'closed' }));
    const update = (entryId: string, version: number, over: Record<string, unknown> = {}) => ({ propertyId: PROPERTY, commandId: newCommandId(), pageId: PAGE, entryId, version, handling: '已复位', followUp: '', result: '恢复正常', status: 'closed', ...over });
    const pageReads = () => readsOf(traced.last(), 'dutyPages');

    it('D1 D2: an entry updated, another logged and a proposal confirmed read the page once, in the transaction, beside its handover (its day, not over, is not signed: not read)', async () => {
      const page = await logged();
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.updateEntry, update(page.entries[0]!.id, page.version)));
      inTxOnly('dutyPages');
      const around = () => traced.last().filter((c) => c.detail === 'handovers' || c.detail === 'dutyDays').map((c) => [c.detail, c.wait, c.inTransaction ?? false]);
      expect(around()).toEqual([['handovers', 2, false]]);
      // Once the roster has ended the day, its signature is read beside the handover.
      traced.rt.clock.set('2026-11-23T16:00:00.000Z');
      const later = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.updateEntry, update(page.entries[0]!.id, page.version + 1)));
      expect(later.version).toBe(page.version + 2);
      expect(around()).toEqual([['handovers', 2, false], ['dutyDays', 2, false]]);
      traced.rt.clock.set(MORNING);
      await logged('大堂灯不亮');
      inTxOnly('dutyPages');
      const pipe = expectOk(await callAs(traced.rt, WANG, repairs.create, repairInput({ description: '水表内水管爆裂，家里停水了' })));
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.confirmProposal, { propertyId: PROPERTY, commandId: newCommandId(), source: { kind: 'repair', id: pipe.id }, handling: '已派维修', followUp: '', result: '', status: 'following' }));
      inTxOnly('dutyPages');
      expect(pageReads()).toHaveLength(1);
    });

    it('D1 D2: a page nobody wrote, another property\'s page, an entry not there, a proposal not there, an entry not major and a signed day (before a stale version) keep their codes; a stale version COMMON.VERSION_CONFLICT: each writes nothing', async () => {
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, duty.updateEntry, update('de_nothing', 1), 'DUTY.PAGE_NOT_FOUND');
      const page = await logged();
      const id = page.entries[0]!.id;
      await seedOtherProperty(traced.rt);
      await expectRefusedUnchanged(traced.rt, 'o-other-desk', duty.updateEntry, { ...update(id, page.version), propertyId: 'other' }, 'DUTY.PAGE_NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, duty.updateEntry, update('de_nothing', page.version + 1), 'DUTY.ENTRY_NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, duty.updateEntry, update(id, page.version + 1), 'COMMON.VERSION_CONFLICT');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, duty.recordEmergency, { propertyId: PROPERTY, commandId: newCommandId(), pageId: PAGE, entryId: id, version: page.version, account: '09:40 发现打印机卡纸，已处理', photos: [uploadAs(traced.rt, DESK_ON_SHIFT, 'jam.jpg')] }, 'DUTY.NOT_MAJOR');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, duty.confirmProposal, { propertyId: PROPERTY, commandId: newCommandId(), source: { kind: 'repair', id: 'rp_nothing' }, handling: '', followUp: '', result: '', status: 'closed' }, 'DUTY.PROPOSAL_NOT_FOUND');
      traced.rt.clock.set('2026-11-24T01:00:00.000Z');
      expectOk(await callAs(traced.rt, SUPERVISOR, duty.signDay, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '' }));
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, duty.updateEntry, update(id, page.version + 1), 'DUTY.DAY_SIGNED');
    });

    it('D1: an update sent again answers its first result and writes nothing more', async () => {
      const page = await logged();
      const input = update(page.entries[0]!.id, page.version);
      await expectReplayed(DESK_ON_SHIFT, duty.updateEntry, input);
    });
  });

  describe('D3: a handover received', () => {
    const handed = async () => {
      traced.rt.clock.set('2026-11-23T07:00:00.000Z');
      const page = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.logEntry, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'other', what: '前台打印机卡纸', handling: '已处理', followUp: '', result: '恢复正常', status: 'closed' }));
      expectOk(await callAs(traced.rt, DESK_OTHER, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() }));
      const pageId = page.pageId;
      return expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.handOver, { propertyId: PROPERTY, commandId: newCommandId(), pageId, matters: [], instructions: '经理交代：明早 9 点消防检查', preparation: [true, true, true, true], substituteId: null })).handover!;
    };
    const receiving = (h: { id: string; version: number }) => ({ propertyId: PROPERTY, commandId: newCommandId(), handoverId: h.id, version: h.version });

    it('D3: a handover reads its page once, with the page\'s parts and the next page beside them, not again in its transaction', async () => {
      await handed();
      const pageReads = traced.last().filter((c) => c.detail === 'dutyPages' && c.kind === 'database.getDocument');
      expect(pageReads.map((c) => [c.wait, c.inTransaction ?? false])).toEqual([[2, false], [2, false]]);
    });

    it('D3: a page nobody wrote is made before the handover, whose own transaction then reads it: one transaction, the early one rolled back', async () => {
      traced.rt.clock.set('2026-11-23T07:00:00.000Z');
      expectOk(await callAs(traced.rt, DESK_OTHER, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() }));
      const pageId = `${PROPERTY}~2026-11-23~0800`;
      expect(raw<{ _id: string }>(traced.rt, 'dutyPages').map((p) => p._id)).not.toContain(pageId);
      const page = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, duty.handOver, { propertyId: PROPERTY, commandId: newCommandId(), pageId, matters: [], instructions: '无', preparation: [true, true, true, true], substituteId: null }));
      expect(page).toMatchObject({ pageId, handover: { status: 'handed', incoming: { name: '林琳' } } });
      const kinds = traced.last().map((c) => c.kind);
      expect(kinds.filter((k) => k === 'database.startTransaction')).toHaveLength(2);
      expect(kinds.filter((k) => k === 'database.abortTransaction')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'database.commitTransaction')).toHaveLength(1);
      // Not a first run that failed to find the page in the early snapshot and was run again.
      expect(traced.last().filter((c) => c.inTransaction && c.kind === 'database.getDocument' && c.detail === 'dutyPages')).toHaveLength(1);
    });

    it('D3: the handover is read once, in the transaction; its page and day beside that read', async () => {
      const h = await handed();
      expectOk(await callAs(traced.rt, DESK_OTHER, duty.receive, receiving(h)));
      inTxOnly('handovers');
      expect(traced.last().filter((c) => c.detail === 'dutyPages' || c.detail === 'dutyDays').map((c) => [c.wait, c.inTransaction ?? false])).toEqual([[2, false], [2, false]]);
    });

    it('D3: another desk member is DUTY.NOT_INCOMING, another property\'s desk and an id naming nothing DUTY.HANDOVER_NOT_FOUND (even with a stale version), the incoming member\'s stale version COMMON.VERSION_CONFLICT: each rolled back, nothing written', async () => {
      const h = await handed();
      const stale = { id: h.id, version: h.version + 1 };
      await seedOtherProperty(traced.rt);
      await expectRefusedRolledBack(traced, 'o-desk-he', duty.receive, receiving(h), 'DUTY.NOT_INCOMING');
      await expectRefusedUnchanged(traced.rt, 'o-desk-he', duty.receive, receiving(stale), 'DUTY.NOT_INCOMING');
      await expectRefusedRolledBack(traced, 'o-other-desk', duty.receive, { ...receiving(h), propertyId: 'other' }, 'DUTY.HANDOVER_NOT_FOUND');
      await expectRefusedUnchanged(traced.rt, 'o-other-desk', duty.receive, { ...receiving(stale), propertyId: 'other' }, 'DUTY.HANDOVER_NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_OTHER, duty.receive, receiving({ id: `${PROPERTY}~2026-11-23~1600`, version: 1 }), 'DUTY.HANDOVER_NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_OTHER, duty.receive, receiving(stale), 'COMMON.VERSION_CONFLICT');
      const input = receiving(h);
      expect((await expectReplayed(DESK_OTHER, duty.receive, input)).handover).toMatchObject({ status: 'received', incoming: { name: '林琳' } });
    });
  });

  describe('issue 18: a room binding reviewed', () => {
    const asked = async (openid = 'o-newcomer-gao') => expectOk(await callAs(traced.rt, openid, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:1-1-102', name: '高先生', relation: 'owner', phone: '13800009999' }));
    const review = (b: { id: string; version: number }, decision: 'approve' | 'reject' = 'approve', reason = '') => ({ propertyId: PROPERTY, commandId: newCommandId(), bindingId: b.id, version: b.version, decision, reason });

    it('the request is read once, in the transaction, in the wave after the first', async () => {
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, members.reviewBinding, review(await asked())));
      inTxOnly('bindings');
      expectOk(await callAs(traced.rt, DESK_ON_SHIFT, members.reviewBinding, review(await asked('o-newcomer-song'), 'reject', '房号与产权信息不符')));
      inTxOnly('bindings');
    });

    it('another property\'s desk and an id naming nothing are BINDING.NOT_FOUND, a reviewed request BINDING.ALREADY_REVIEWED (even with a stale version), a stale version COMMON.VERSION_CONFLICT: each rolled back, nothing written', async () => {
      const b = await asked();
      await seedOtherProperty(traced.rt);
      await expectRefusedRolledBack(traced, 'o-other-desk', members.reviewBinding, { ...review(b), propertyId: 'other' }, 'BINDING.NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, members.reviewBinding, review({ id: 'bd_nothing_here', version: 1 }), 'BINDING.NOT_FOUND');
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, members.reviewBinding, review({ id: b.id, version: b.version + 1 }), 'COMMON.VERSION_CONFLICT');
      const input = review(b);
      const first = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, members.reviewBinding, input));
      await expectRefusedRolledBack(traced, DESK_ON_SHIFT, members.reviewBinding, review({ id: b.id, version: b.version + 5 }, 'reject', '重复'), 'BINDING.ALREADY_REVIEWED');
      const before = await snapshot(traced.rt);
      expect(expectOk(await callAs(traced.rt, DESK_ON_SHIFT, members.reviewBinding, input))).toEqual(first);
      expect(await snapshot(traced.rt)).toEqual(before);
    });
  });
});
