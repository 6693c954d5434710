/**
 * The seam: the real wx-server-sdk talks to the engine through TcbDBApiHttpRequester.prototype.send,
 * offline, without the unhandled rejection and 3 s timer a real request leaves behind (TOOLCHAIN.md).
 */
import * as net from 'node:net';
import { createEngine, installLocalDatabase, manifestOf } from '../../local/db';
import { rejection, startCloud, type TestDb } from './harness';

const requesterProto = (): { send: unknown } => {
  const sdkEntry = require.resolve('wx-server-sdk');
  const modulePath = require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester', { paths: [sdkEntry] });
  return (require(modulePath) as { TcbDBApiHttpRequester: { prototype: { send: unknown } } }).TcbDBApiHttpRequester.prototype;
};

const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('installLocalDatabase', () => {
  it('answers every database call locally: no socket opened, no unhandled rejection, no timer left', async () => {
    const connect = jest.spyOn(net.Socket.prototype, 'connect');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    const baseline = timeouts();
    const cloud = startCloud({ things: [] });
    try {
      const { db } = cloud;
      await db.collection('things').add({ data: { a: 1 } });
      await db.collection('things').where({ a: 1 }).get();
      await db.collection('things').count();
      await rejection(db.collection('missing').get());
      await rejection(db.runTransaction(async (tx) => tx.collection('things').where({ a: 1 }).get()));
      await db.collection('things').aggregate().match({ a: 1 }).end();
      await new Promise((resolve) => setImmediate(resolve));
      expect(cloud.engine.stats.total).toBeGreaterThanOrEqual(7);
      expect(connect).not.toHaveBeenCalled();
      expect(unhandled).toEqual([]);
      expect(timeouts()).toBeLessThanOrEqual(baseline);
    } finally {
      cloud.uninstall();
      process.off('unhandledRejection', onUnhandled);
      connect.mockRestore();
    }
  });

  it('works with cloud.init() variants: no options, DYNAMIC_CURRENT_ENV, a named env', async () => {
    const engine = createEngine({ manifest: manifestOf({ things: [] }) });
    const uninstall = installLocalDatabase(engine);
    try {
      const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
      for (const init of [() => cloud.init(), () => cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string }), () => cloud.init({ env: 'prod-123' })]) {
        init();
        const db = cloud.database() as unknown as TestDb;
        await db.collection('things').add({ data: { n: 1 } });
      }
      expect(engine.collection('things').count()).toBe(3);
    } finally {
      uninstall();
    }
  });

  it('uninstall restores the SDK transport and query methods; installing twice is refused', () => {
    const original = requesterProto().send;
    const queryProto = (require(require.resolve('@cloudbase/database/dist/commonjs/query', { paths: [require.resolve('@cloudbase/node-sdk', { paths: [require.resolve('wx-server-sdk')] })] })) as {
      Query: { prototype: { update: unknown } };
    }).Query.prototype;
    const originalUpdate = queryProto.update;
    const engine = createEngine({ manifest: manifestOf({}) });
    const uninstall = installLocalDatabase(engine);
    expect(requesterProto().send).not.toBe(original);
    expect(queryProto.update).not.toBe(originalUpdate);
    expect(() => installLocalDatabase(engine)).toThrow(/already installed/);
    uninstall();
    expect(requesterProto().send).toBe(original);
    expect(queryProto.update).toBe(originalUpdate);
    const again = installLocalDatabase(engine);
    again();
    expect(requesterProto().send).toBe(original);
  });

  it('an error body rejects through the SDK like a server answer: TcbError code for raw calls, errCode for wx-server-sdk calls', async () => {
    const cloud = startCloud({ things: [] });
    try {
      const raw = await rejection((requesterProto().send as (a: string, p: object) => Promise<unknown>).call({ config: {} }, 'database.getDocument', { collectionName: 'missing' }));
      expect(raw).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
      const wrapped = await rejection(cloud.db.collection('missing').get());
      expect(wrapped).toMatchObject({ errCode: -502005 });
    } finally {
      cloud.uninstall();
    }
  });
});
