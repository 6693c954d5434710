import * as repairs from '@shared/contracts/repairs.contract';
import * as session from '@shared/contracts/session.contract';
import * as members from '@shared/contracts/members.contract';
import * as company from '@shared/contracts/company.contract';
import { catalogue } from '@shared/contracts';
import { deployedFunctions } from '@shared/areas';
import { CommandId } from '@shared/contracts/action';
import { errorRetry } from '@shared/contracts/errors';
import { messages } from '@shared/messages';
import { createClient } from '../../client/src/api/client';
import { TransportError, type Envelope, type Transport } from '../../client/src/api/transport';
import { newCommandId } from '../../client/src/api/command-id';
import { repair } from './support/fixtures';

const noWait = () => Promise.resolve();

const newRepair = {
  propertyId: 'sunny',
  roomId: 'sunny:1-1-101',
  category: 'water' as const,
  description: '厨房水龙头爆了，一直喷水',
  preferredTime: null,
  photos: [],
};

const recording = (answer: (attempt: number) => unknown) => {
  const sent: Envelope[] = [];
  const transport: Transport = async (_fn, envelope) => {
    sent.push(envelope);
    const reply = answer(sent.length);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { sent, transport };
};

describe('call(action, input): one contract, checked at both ends', () => {
  it('rejects input the contract refuses before anything is sent, and names the field with its limit, as the function would', async () => {
    const { sent, transport } = recording(() => ({ ok: true, data: repair() }));
    const { call } = createClient({ transport, delay: noWait });

    const res = await call(repairs.create, { ...newRepair, description: ' 漏' });

    expect(res).toEqual({
      ok: false,
      code: 'COMMON.BAD_INPUT',
      message: '问题描述至少 2 字，现在 1 字',
      fields: [{ field: 'description', label: '问题描述', message: '问题描述至少 2 字，现在 1 字' }],
    });
    expect(sent).toHaveLength(0);
  });

  it('keeps the fields a function\'s refusal names, and a refusal without them still parses (a function from before)', async () => {
    const fields = [{ field: 'description', label: '问题描述', message: '问题描述最多 500 字，现在 600 字', limit: { max: 500, length: 600 } }];
    const named = createClient({ transport: recording(() => ({ ok: false, code: 'COMMON.BAD_INPUT', message: fields[0]!.message, fields })).transport, delay: noWait });
    expect(await named.call(repairs.create, newRepair)).toEqual({ ok: false, code: 'COMMON.BAD_INPUT', message: fields[0]!.message, fields });
    const older = createClient({ transport: recording(() => ({ ok: false, code: 'COMMON.BAD_INPUT', message: messages.errors['COMMON.BAD_INPUT'] })).transport, delay: noWait });
    expect(await older.call(repairs.create, newRepair)).toEqual({ ok: false, code: 'COMMON.BAD_INPUT', message: messages.errors['COMMON.BAD_INPUT'] });
  });

  it('sends { action, input } to the contract function, with a command id and device time on writes', async () => {
    const calls: Array<{ fn: string; envelope: Envelope }> = [];
    const transport: Transport = async (fn, envelope) => {
      calls.push({ fn, envelope });
      return { ok: true, data: repair({ priority: 'urgent' }) };
    };
    const { call } = createClient({ transport, delay: noWait, now: () => new Date('2026-11-23T10:00:00Z') });

    const res = await call(repairs.create, newRepair);

    expect(res.ok && res.data.priority).toBe('urgent');
    expect(calls).toHaveLength(1);
    const [{ fn, envelope }] = calls as [{ fn: string; envelope: Envelope }];
    expect(fn).toBe('repairs');
    expect(envelope.action).toBe('create');
    const input = envelope.input as Record<string, unknown>;
    expect(CommandId.safeParse(input.commandId).success).toBe(true);
    expect(input.deviceTime).toBe('2026-11-23T10:00:00.000Z');
    expect(input.description).toBe(newRepair.description);
  });

  it("issue 16: sends an action of an area's part to that part's deployed function, reads ahead included, and every action to one function of its area", async () => {
    const sent: string[] = [];
    const transport: Transport = async (fn, envelope) => {
      sent.push(`${fn} ${envelope.action}`);
      return { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '暂不支持这个操作' };
    };
    const client = createClient({ transport, delay: noWait });
    await client.call(members.myBindings, {});
    client.readAhead(members.list, { propertyId: 'sunny' });
    client.readAhead(company.properties, {});
    expect(sent).toEqual(['members-residents myBindings', 'members list', 'members-admin properties']);
    const everyAction = Object.values(catalogue).flatMap((actions) => Object.values(actions));
    const areaOf = Object.fromEntries(deployedFunctions.map((f) => [f.name, f.area]));
    sent.length = 0;
    for (const action of everyAction) client.readAhead(action, {});
    expect(sent.map((s) => s.split(' ')[1])).toEqual(everyAction.map((a) => a.name));
    expect(sent.filter((s, i) => areaOf[s.split(' ')[0]!] !== everyAction[i]!.fn)).toEqual([]);
  });

  it('adds nothing to reads', async () => {
    const { sent, transport } = recording(() => ({ ok: true, data: { items: [] } }));
    const { call } = createClient({ transport, delay: noWait });

    await call(repairs.listMine, { propertyId: 'sunny' });

    expect(sent[0]?.input).toEqual({ propertyId: 'sunny' });
  });

  it('retries a write lost on the network under the same command id, so it is applied once', async () => {
    const { sent, transport } = recording((attempt) =>
      attempt < 3 ? new TransportError('offline') : { ok: true, data: repair() },
    );
    const { call } = createClient({ transport, delay: noWait });

    const res = await call(repairs.create, newRepair);

    expect(res.ok).toBe(true);
    expect(sent).toHaveLength(3);
    const ids = sent.map((e) => (e.input as { commandId: string }).commandId);
    expect(new Set(ids).size).toBe(1);
  });

  it('gives up after two retries with the catalogue’s busy message, and never throws', async () => {
    const { sent, transport } = recording(() => new TransportError('offline'));
    const { call } = createClient({ transport, delay: noWait });

    const res = await call(repairs.create, newRepair);

    expect(res).toEqual({ ok: false, code: 'COMMON.BUSY', message: messages.errors['COMMON.BUSY'] });
    expect(sent).toHaveLength(3);
  });

  it('reuses a command id the page kept, e.g. when she taps send again after the network dropped', async () => {
    const { sent, transport } = recording(() => ({ ok: true, data: repair() }));
    const { call } = createClient({ transport, delay: noWait });

    await call(repairs.create, newRepair, { commandId: 'kept-from-first-try-01' });

    expect((sent[0]?.input as { commandId: string }).commandId).toBe('kept-from-first-try-01');
  });

  it('rejects a reply that does not match the output contract (a field missing)', async () => {
    const { priority: _dropped, ...withoutPriority } = repair();
    const { transport } = recording(() => ({ ok: true, data: withoutPriority }));
    const { call } = createClient({ transport, delay: noWait });

    const res = await call(repairs.create, newRepair);

    expect(res).toEqual({ ok: false, code: 'COMMON.INTERNAL', message: messages.errors['COMMON.INTERNAL'] });
  });

  it('rejects a reply that is not a result at all', async () => {
    const { transport } = recording(() => '<html>502 Bad Gateway</html>');
    const { call } = createClient({ transport, delay: noWait });

    const res = await call(session.me, {});

    expect(res.ok).toBe(false);
    expect(!res.ok && res.code).toBe('COMMON.INTERNAL');
  });

  it('passes a function’s own failure through with its code and Chinese message', async () => {
    const failure = { ok: false, code: 'REPAIR.ROOM_NOT_YOURS', message: messages.errors['REPAIR.ROOM_NOT_YOURS'] };
    const { transport } = recording(() => failure);
    const { call } = createClient({ transport, delay: noWait });

    expect(await call(repairs.create, newRepair)).toEqual(failure);
  });
});

describe('issue 12 (3.9): what is asked again is the error contract\'s, for every code', () => {
  it.each(Object.entries(errorRetry))('%s (%s): asked again under the same command id only when the contract says so', async (code, retry) => {
    const { sent, transport } = recording(() => ({ ok: false, code, message: '服务端的说明' }));
    const { call } = createClient({ transport, delay: noWait });

    const res = await call(repairs.create, newRepair);

    expect(res).toEqual({ ok: false, code, message: '服务端的说明' });
    expect(sent).toHaveLength(retry === 'transient' || retry === 'bounded' ? 3 : 1);
    expect(new Set(sent.map((e) => (e.input as { commandId: string }).commandId)).size).toBe(1);
  });

  it('COMMON.INTERNAL once, then the answer: the caller gets the answer, applied once', async () => {
    const { sent, transport } = recording((attempt) => (attempt === 1 ? { ok: false, code: 'COMMON.INTERNAL', message: '出错了' } : { ok: true, data: repair() }));
    const { call } = createClient({ transport, delay: noWait });

    expect((await call(repairs.create, newRepair)).ok).toBe(true);
    expect(sent).toHaveLength(2);
  });
});

describe('newCommandId', () => {
  it('makes ids the contract accepts, different each time', () => {
    const ids = Array.from({ length: 200 }, () => newCommandId());
    expect(ids.every((id) => /^[A-Za-z0-9_-]{16,32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
