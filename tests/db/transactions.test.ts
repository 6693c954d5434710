/**
 * Transactions through wx-server-sdk's runTransaction/startTransaction. Documentation:
 * - https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html
 *   (快照隔离: reads see the snapshot, a write locks the document; another transaction's write to a
 *   locked document fails, a plain update blocks until the lock is released; single records only)
 * - https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.runTransaction.html
 *   (retried only on conflict; rollback's value or the thrown error rejects runTransaction)
 * - https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT
 * - https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL (commit or abort within 30 seconds)
 * - CloudBase's own SDK tests, TencentCloudBase/tcb-admin-node test/database/unit/transaction.test.ts
 *   ('冲突检测', '读偏', '事务提交后, 不能进行其它操作'): the codes and messages asserted below.
 */
import { TRANSACTION_LIFETIME_MS } from '../../local/db';
import { rejection, startCloud, type Cloud, type SdkError, type TestTransaction } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ accounts: [], ledger: [], members: [{ name: 'openid', unique: true, keys: [['openid', 1]] }] });
});
afterAll(() => cloud.uninstall());

beforeEach(() => {
  cloud.engine.reset();
  cloud.engine.insertRaw('accounts', [
    { _id: 'aaa', amount: 100 },
    { _id: 'bbb', amount: 50 },
  ]);
});

const amounts = (): unknown[] => cloud.engine.collection('accounts').all().map((a) => a.amount);
const account = (tx: TestTransaction, id: string) => tx.collection('accounts').doc(id);

const transfer = async (tx: TestTransaction, n: number): Promise<void> => {
  const { _ } = cloud;
  await account(tx, 'aaa').update({ data: { amount: _.inc(-n) } });
  await account(tx, 'bbb').update({ data: { amount: _.inc(n) } });
};

/** The server's answer as the SDK surfaces it: a raw TcbError (`code`) from commit/rollback, wrapped by wx-server-sdk (`errMsg`) elsewhere. */
const codeOf = (error: SdkError): string | undefined =>
  error.code ?? /\[ResourceUnavailable\.(TransactionConflict|TransactionNotExist)\]/.exec(error.errMsg ?? '')?.[1];

const CONFLICT = 'TransactionConflict';
const GONE = 'TransactionNotExist';
const expectConflict = (error: SdkError) => expect([CONFLICT, 'DATABASE_TRANSACTION_CONFLICT']).toContain(codeOf(error));
const expectGone = (error: SdkError) => expect([GONE, 'DATABASE_TRANSACTION_FAIL']).toContain(codeOf(error));

describe('commit applies every write of the transaction, across records and collections', () => {
  it('runTransaction resolves with the callback value and both accounts change', async () => {
    const result = await cloud.db.runTransaction(async (tx) => {
      await transfer(tx, 10);
      const { _id } = await tx.collection('ledger').add({ data: { from: 'aaa', to: 'bbb', n: 10 } });
      return _id;
    });
    expect(amounts()).toEqual([90, 60]);
    expect(cloud.engine.collection('ledger').all()).toEqual([{ _id: result, from: 'aaa', to: 'bbb', n: 10 }]);
  });
});

describe('isolation: one snapshot, taken when the transaction starts, plus its own writes', () => {
  it('reads inside see the buffered update; reads outside see the old value until commit', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await account(tx, 'aaa').update({ data: { amount: _.inc(-30) } });
    expect((await account(tx, 'aaa').get()).data.amount).toBe(70);
    expect((await cloud.db.collection('accounts').doc('aaa').get()).data.amount).toBe(100);
    await tx.commit();
    expect((await cloud.db.collection('accounts').doc('aaa').get()).data.amount).toBe(100 - 30);
  });

  it('读偏: an outside write after the start is not seen, even on a document first read after it', async () => {
    const tx = await cloud.db.startTransaction();
    expect((await account(tx, 'aaa').get()).data.amount).toBe(100);
    await cloud.db.collection('accounts').doc('aaa').set({ data: { amount: 1 } });
    await cloud.db.collection('accounts').doc('bbb').set({ data: { amount: 2 } });
    expect((await account(tx, 'aaa').get()).data.amount).toBe(100);
    expect((await account(tx, 'bbb').get()).data.amount).toBe(50);
    await tx.rollback();
  });

  it('overlapping transactions: each keeps reading its own snapshot while older ones end and outside writes go on', async () => {
    const setA = (amount: number) => cloud.db.collection('accounts').doc('aaa').set({ data: { amount } });
    const read = async (tx: TestTransaction) => (await account(tx, 'aaa').get()).data.amount as number;
    const t1 = await cloud.db.startTransaction();
    await setA(1);
    const t2 = await cloud.db.startTransaction();
    await setA(2);
    await setA(3);
    const t3 = await cloud.db.startTransaction();
    await setA(4);
    expect([await read(t1), await read(t2), await read(t3)]).toEqual([100, 1, 3]);
    // The oldest ends first: the versions only it could read go; the others' stay.
    await t1.rollback();
    await setA(5);
    expect([await read(t2), await read(t3)]).toEqual([1, 3]);
    await t2.rollback();
    expect(await read(t3)).toBe(3);
    const t4 = await cloud.db.startTransaction();
    await setA(6);
    expect([await read(t3), await read(t4)]).toEqual([3, 5]);
    await t3.rollback();
    expect(await read(t4)).toBe(5);
    await t4.rollback();
    expect((await cloud.db.collection('accounts').doc('aaa').get()).data.amount).toBe(6);
  });

  it('a document created outside after the start does not exist for the transaction', async () => {
    const tx = await cloud.db.startTransaction();
    await cloud.db.collection('ledger').doc('late').set({ data: { n: 1 } });
    const error = await rejection(tx.collection('ledger').doc('late').get());
    expect(error.errMsg).toContain('does not exist');
    await tx.rollback();
  });

  it('add() inside a transaction returns the new _id; the record appears only on commit', async () => {
    const tx = await cloud.db.startTransaction();
    const { _id } = await tx.collection('ledger').add({ data: { n: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    expect((await tx.collection('ledger').doc(_id).get()).data).toEqual({ _id, n: 1 });
    expect(cloud.engine.collection('ledger').count()).toBe(0);
    await tx.commit();
    expect(cloud.engine.collection('ledger').all()).toEqual([{ _id, n: 1 }]);
  });

  it('remove() inside a transaction hides the record from the transaction and deletes it on commit', async () => {
    const tx = await cloud.db.startTransaction();
    expect((await account(tx, 'bbb').remove()).stats.removed).toBe(1);
    const error = await rejection(account(tx, 'bbb').get());
    expect(error.errMsg).toContain('does not exist');
    expect(cloud.engine.collection('accounts').count()).toBe(2);
    await tx.commit();
    expect(cloud.engine.collection('accounts').count()).toBe(1);
  });
});

describe('abort discards the buffered writes (transaction.rollback)', () => {
  it("runTransaction rejects with rollback's value and writes nothing", async () => {
    const outcome = await rejection(
      cloud.db.runTransaction(async (tx) => {
        await transfer(tx, 40);
        await tx.rollback('insufficient funds');
        return 'unreachable';
      }),
    );
    expect(outcome).toBe('insufficient funds');
    expect(amounts()).toEqual([100, 50]);
  });

  it('an error thrown by the callback rejects runTransaction, without retry, and writes nothing', async () => {
    let attempts = 0;
    const outcome = await rejection(
      cloud.db.runTransaction(async (tx) => {
        attempts += 1;
        await transfer(tx, 40);
        throw new Error('business rule broken');
      }),
    );
    expect(outcome.message).toBe('business rule broken');
    expect(attempts).toBe(1);
    expect(amounts()).toEqual([100, 50]);
  });
});

describe('事务提交后, 不能进行其它操作: a finished transaction answers DATABASE_TRANSACTION_FAIL', () => {
  it('after commit: a write is refused with the server message', async () => {
    const tx = await cloud.db.startTransaction();
    await tx.commit();
    const error = await rejection(account(tx, 'aaa').set({ data: { amount: 0 } }));
    expect(error.errMsg).toContain('[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.');
    expect(amounts()).toEqual([100, 50]);
  });

  it('after rollback: commit and reads answer DATABASE_TRANSACTION_FAIL, and nothing was written', async () => {
    const tx = await cloud.db.startTransaction();
    await transfer(tx, 40);
    await tx.rollback();
    expect(await rejection(tx.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expectGone(await rejection(account(tx, 'aaa').get()));
    expect(amounts()).toEqual([100, 50]);
  });

  it(`after ${TRANSACTION_LIFETIME_MS / 1000} seconds the transaction is gone: its writes are dropped and its locks released`, async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await account(tx, 'aaa').update({ data: { amount: _.inc(-1) } });
    cloud.clock.ms += TRANSACTION_LIFETIME_MS + 1;
    expect(await rejection(tx.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await cloud.db.collection('accounts').doc('aaa').update({ data: { amount: 7 } });
    expect(amounts()).toEqual([7, 50]);
  });
});

describe('only single records inside a transaction: where() is refused (errCode -502002)', () => {
  it('where().get / update / remove / count inside a transaction reject and change nothing', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    const accounts = tx.collection('accounts');
    for (const attempt of [
      () => accounts.where({ amount: _.gt(0) }).get(),
      () => accounts.where({ amount: _.gt(0) }).update({ data: { amount: 0 } }),
      () => accounts.where({ amount: _.gt(0) }).remove(),
      () => accounts.where({ amount: _.gt(0) }).count(),
    ]) {
      const error = await rejection(attempt());
      expect(error.errCode).toBe(-502002);
      expect(error.errMsg).toContain('where() is not allowed inside a transaction');
    }
    await tx.rollback();
    expect(amounts()).toEqual([100, 50]);
  });
});

describe('only single records inside a transaction: an add() of several documents is refused (errCode -502002)', () => {
  // Database.runTransaction, 限制: 只允许进行单记录操作，不允许进行批量操作 (the HTTP API's batch insert says otherwise; the SDK's page rules).
  it('add() with an array inside a transaction rejects and writes nothing; one document per add() is fine', async () => {
    const tx = await cloud.db.startTransaction();
    const error = await rejection(tx.collection('accounts').add({ data: [{ _id: 'ccc', amount: 1 }, { _id: 'ddd', amount: 2 }] }));
    expect(error.errCode).toBe(-502002);
    expect(error.errMsg).toContain('one document per add() inside a transaction');
    await tx.collection('accounts').add({ data: { _id: 'ccc', amount: 1 } });
    await tx.commit();
    expect(amounts()).toEqual([100, 50, 1]);
  });
});

describe('one operation at a time: operations of one transaction issued together are refused (not documented as safe on CloudBase)', () => {
  it('Promise.all of two writes in one transaction: the second is refused with -502002 while the first is in flight', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    const results = await Promise.allSettled([account(tx, 'aaa').update({ data: { amount: _.inc(1) } }), account(tx, 'bbb').update({ data: { amount: _.inc(1) } })]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { errCode: -502002 } });
    expect(String((results[1] as PromiseRejectedResult).reason.errMsg)).toContain('await each operation of a transaction before the next');
    await tx.rollback();
  });

  it('awaited one after the other, the same operations are fine', async () => {
    await cloud.db.runTransaction((tx) => transfer(tx, 5));
    expect(amounts()).toEqual([95, 55]);
  });
});

describe('conflicts: detected at the write, on documents the transaction writes (DATABASE_TRANSACTION_CONFLICT)', () => {
  it('冲突检测: a write to a document another open transaction has written is refused at that write; the other commits', async () => {
    const t1 = await cloud.db.startTransaction();
    const t2 = await cloud.db.startTransaction();
    await account(t1, 'aaa').get();
    await account(t2, 'aaa').update({ data: { amount: 90 } });
    expectConflict(await rejection(account(t1, 'aaa').update({ data: { amount: 80 } })));
    await t2.commit();
    expect(amounts()).toEqual([90, 50]);
    expect(await rejection(t1.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  });

  it('读偏: a write to a document changed outside since the snapshot is refused at that write', async () => {
    const tx = await cloud.db.startTransaction();
    await account(tx, 'aaa').get();
    await cloud.db.collection('accounts').doc('aaa').set({ data: { amount: 1 } });
    expectConflict(await rejection(account(tx, 'aaa').update({ data: { amount: 2 } })));
    expect(amounts()).toEqual([1, 50]);
  });

  it('two transactions creating the same new _id: the second set() is refused at once, the first commits', async () => {
    const t1 = await cloud.db.startTransaction();
    const t2 = await cloud.db.startTransaction();
    await t1.collection('ledger').doc('lock-1').set({ data: { owner: 't1' } });
    expectConflict(await rejection(t2.collection('ledger').doc('lock-1').set({ data: { owner: 't2' } })));
    await t1.commit();
    expect(cloud.engine.collection('ledger').all()).toEqual([{ _id: 'lock-1', owner: 't1' }]);
  });

  it('a document only read never aborts the commit, whatever happens to it meanwhile', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await account(tx, 'aaa').get();
    await cloud.db.collection('accounts').doc('aaa').update({ data: { amount: 0 } });
    await account(tx, 'bbb').update({ data: { amount: _.inc(1) } });
    await tx.commit();
    expect(amounts()).toEqual([0, 51]);
  });

  it('write skew is possible (snapshot isolation, as documented): each reads one account and writes the other', async () => {
    const t1 = await cloud.db.startTransaction();
    const t2 = await cloud.db.startTransaction();
    const a = (await account(t1, 'aaa').get()).data.amount as number;
    const b = (await account(t2, 'bbb').get()).data.amount as number;
    await account(t1, 'bbb').update({ data: { amount: a } });
    await account(t2, 'aaa').update({ data: { amount: b } });
    await t1.commit();
    await t2.commit();
    expect(amounts()).toEqual([50, 100]);
  });

  it('a plain update of a document a transaction has written waits until the transaction ends, then applies on top', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await account(tx, 'aaa').update({ data: { amount: _.inc(-10) } });
    let plainDone = false;
    const plain = cloud.db
      .collection('accounts')
      .doc('aaa')
      .update({ data: { amount: _.inc(1) } })
      .then(() => {
        plainDone = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(plainDone).toBe(false);
    await tx.commit();
    await plain;
    expect(amounts()).toEqual([91, 50]);
  });
});

describe('runTransaction retries only conflicts it is told about (Database.runTransaction.html: 只有事务冲突时会重试)', () => {
  it('a conflict answered by commit is retried with a new transaction', async () => {
    let attempts = 0;
    cloud.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'injected' });
    await cloud.db.runTransaction(async (tx) => {
      attempts += 1;
      await transfer(tx, 10);
    });
    expect(attempts).toBe(2);
    expect(amounts()).toEqual([90, 60]);
  });

  it('a conflict at a write reaches the callback as wx-server-sdk wraps it (errCode -501001, the code only in errMsg), so runTransaction does not retry it', async () => {
    const { _ } = cloud;
    let attempts = 0;
    const error = await rejection(
      cloud.db.runTransaction(async (tx) => {
        attempts += 1;
        await account(tx, 'aaa').get();
        await cloud.db.collection('accounts').doc('aaa').update({ data: { amount: _.inc(1) } });
        await transfer(tx, 10);
      }),
    );
    expect(error.errCode).toBe(-501001);
    expectConflict(error);
    expect(attempts).toBe(1);
    expect(amounts()).toEqual([101, 50]);
  });
});

describe('SDK reporting inside transactions', () => {
  it('doc().set() creates the record, but wx-server-sdk reports stats.created 0 inside a transaction', async () => {
    const tx = await cloud.db.startTransaction();
    const res = await tx.collection('ledger').doc('fresh').set({ data: { n: 1 } });
    await tx.commit();
    expect(res.stats).toEqual({ updated: 0, created: 0 });
    expect(cloud.engine.collection('ledger').all()).toEqual([{ _id: 'fresh', n: 1 }]);
  });

  it('a unique-index violation inside the transaction rejects that write; runTransaction then writes nothing', async () => {
    cloud.engine.insertRaw('members', [{ _id: 'm1', openid: 'o1' }]);
    const error = await rejection(
      cloud.db.runTransaction(async (tx) => {
        await transfer(tx, 10);
        await tx.collection('members').add({ data: { openid: 'o1' } });
      }),
    );
    expect(error.errCode).toBe(-502001);
    expect(amounts()).toEqual([100, 50]);
    expect(cloud.engine.collection('members').count()).toBe(1);
  });
});
