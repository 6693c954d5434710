/**
 * Transactions through wx-server-sdk's runTransaction/startTransaction. Documentation:
 * - https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html
 *   (snapshot isolation; only single-record operations, no where; commit writes the snapshot atomically)
 * - https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.runTransaction.html
 *   (retried only on conflict; rollback's value or the thrown error rejects runTransaction)
 * - https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT
 */
import { rejection, startCloud, type Cloud, type TestTransaction } from './harness';

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

const transfer = async (tx: TestTransaction, n: number): Promise<void> => {
  const { _ } = cloud;
  await tx.collection('accounts').doc('aaa').update({ data: { amount: _.inc(-n) } });
  await tx.collection('accounts').doc('bbb').update({ data: { amount: _.inc(n) } });
};

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

describe('isolation: the transaction reads its own writes, others see nothing until commit', () => {
  it('reads inside see the buffered update; reads outside see the old value until commit', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await tx.collection('accounts').doc('aaa').update({ data: { amount: _.inc(-30) } });
    expect((await tx.collection('accounts').doc('aaa').get()).data.amount).toBe(70);
    expect((await cloud.db.collection('accounts').doc('aaa').get()).data.amount).toBe(100);
    await tx.commit();
    expect((await cloud.db.collection('accounts').doc('aaa').get()).data.amount).toBe(70);
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
    expect((await tx.collection('accounts').doc('bbb').remove()).stats.removed).toBe(1);
    const error = await rejection(tx.collection('accounts').doc('bbb').get());
    expect(error.errMsg).toContain('does not exist');
    expect(cloud.engine.collection('accounts').count()).toBe(2);
    await tx.commit();
    expect(cloud.engine.collection('accounts').count()).toBe(1);
  });
});

describe('abort discards the buffered writes (transaction.rollback)', () => {
  it('startTransaction + rollback leaves the data unchanged', async () => {
    const tx = await cloud.db.startTransaction();
    await transfer(tx, 40);
    await tx.rollback();
    expect(amounts()).toEqual([100, 50]);
    expect(await rejection(tx.commit())).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

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

describe('only single records inside a transaction: where() is refused (errCode -502002)', () => {
  it('where().get / update / remove / count inside a transaction reject and change nothing', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    const accounts = tx.collection('accounts');
    for (const attempt of [
      accounts.where({ amount: _.gt(0) }).get(),
      accounts.where({ amount: _.gt(0) }).update({ data: { amount: 0 } }),
      accounts.where({ amount: _.gt(0) }).remove(),
      accounts.where({ amount: _.gt(0) }).count(),
    ]) {
      const error = await rejection(attempt);
      expect(error.errCode).toBe(-502002);
      expect(error.errMsg).toContain('where() is not allowed inside a transaction');
    }
    await tx.rollback();
    expect(amounts()).toEqual([100, 50]);
  });
});

describe('conflicts: the first committer wins, the other gets DATABASE_TRANSACTION_CONFLICT', () => {
  it('two interleaved transactions updating one record: exactly one commits', async () => {
    const { _ } = cloud;
    const t1 = await cloud.db.startTransaction();
    const t2 = await cloud.db.startTransaction();
    const seen1 = (await t1.collection('accounts').doc('aaa').get()).data.amount;
    const seen2 = (await t2.collection('accounts').doc('aaa').get()).data.amount;
    await t1.collection('accounts').doc('aaa').update({ data: { amount: _.inc(-10) } });
    await t2.collection('accounts').doc('aaa').update({ data: { amount: _.inc(-20) } });
    await t1.commit();
    const error = await rejection(t2.commit());
    expect([seen1, seen2]).toEqual([100, 100]);
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(amounts()).toEqual([90, 50]);
  });

  it('two transactions creating the same new _id with set(): only one commits', async () => {
    const t1 = await cloud.db.startTransaction();
    const t2 = await cloud.db.startTransaction();
    await t1.collection('ledger').doc('lock-1').set({ data: { owner: 't1' } });
    await t2.collection('ledger').doc('lock-1').set({ data: { owner: 't2' } });
    const results = await Promise.allSettled([t1.commit(), t2.commit()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(cloud.engine.collection('ledger').all()).toEqual([{ _id: 'lock-1', owner: 't1' }]);
  });

  it('a plain write after the transaction read the record makes the commit conflict', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await tx.collection('accounts').doc('aaa').get();
    await tx.collection('accounts').doc('bbb').update({ data: { amount: _.inc(1) } });
    await cloud.db.collection('accounts').doc('aaa').update({ data: { amount: 0 } });
    expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(amounts()).toEqual([0, 50]);
  });

  it('writes to records the transaction never touched do not conflict', async () => {
    const { _ } = cloud;
    const tx = await cloud.db.startTransaction();
    await tx.collection('accounts').doc('aaa').update({ data: { amount: _.inc(1) } });
    await cloud.db.collection('accounts').doc('bbb').update({ data: { amount: 0 } });
    await tx.commit();
    expect(amounts()).toEqual([101, 0]);
  });
});

describe('runTransaction retries on conflict (Database.runTransaction.html: 只有事务冲突时会重试)', () => {
  it('a concurrent writer during the first attempt: the retry runs on fresh data and commits', async () => {
    const { _ } = cloud;
    let attempts = 0;
    const seen: unknown[] = [];
    await cloud.db.runTransaction(async (tx) => {
      attempts += 1;
      seen.push((await tx.collection('accounts').doc('aaa').get()).data.amount);
      if (attempts === 1) await cloud.db.collection('accounts').doc('aaa').update({ data: { amount: _.inc(5) } });
      await transfer(tx, 10);
    });
    expect(attempts).toBe(2);
    expect(seen).toEqual([100, 105]);
    expect(amounts()).toEqual([95, 60]);
  });

  it('an injected conflict at commit is retried the same way', async () => {
    let attempts = 0;
    cloud.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'injected' });
    await cloud.db.runTransaction(async (tx) => {
      attempts += 1;
      await transfer(tx, 10);
    });
    expect(attempts).toBe(2);
    expect(amounts()).toEqual([90, 60]);
  });

  it('a conflict on every attempt finally rejects with the conflict (the SDK runs times + 1 attempts)', async () => {
    const { _ } = cloud;
    let attempts = 0;
    const error = await rejection(
      cloud.db.runTransaction(async (tx) => {
        attempts += 1;
        await tx.collection('accounts').doc('aaa').get();
        await cloud.db.collection('accounts').doc('aaa').update({ data: { amount: _.inc(1) } });
        await transfer(tx, 10);
      }, 2),
    );
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(attempts).toBe(3);
    expect(amounts()).toEqual([103, 50]);
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
