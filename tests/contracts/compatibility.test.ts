import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, resultOf } from '@shared/contracts';
import { RepairView } from '@shared/contracts/repairs.contract';

const dir = join(__dirname, '..', 'fixtures', 'requests');
const clients = readdirSync(dir).map((file) => ({
  file,
  requests: (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { requests: Record<string, unknown> }).requests,
}));

describe('contracts only grow backward-compatibly: old clients stay cached on phones', () => {
  it.each(clients.flatMap(({ file, requests }) => Object.entries(requests).map(([name, input]) => [file, name, input] as const)))(
    '%s: %s as that client sends it is still valid input',
    (_file, name, input) => {
      const [fn, action] = name.split('.') as [keyof typeof catalogue, string];
      const contract = catalogue[fn]?.[action];
      expect(contract).toBeDefined();
      expect(contract?.input.safeParse(input).success).toBe(true);
    },
  );

  it('every action of today has a request recorded by some client release, so a new action is noticed', () => {
    const recorded = new Set(clients.flatMap(({ requests }) => Object.keys(requests)));
    const all = Object.values(catalogue).flatMap((actions) => Object.values(actions).map((a) => `${a.fn}.${a.name}`));
    expect(all.filter((name) => !recorded.has(name))).toEqual([]);
  });

  it('a reply with fields an old client does not know still parses there (outputs are open objects)', () => {
    const reply = {
      ok: true,
      data: {
        id: 'rp_1', status: 'submitted', version: 1, category: 'water', description: '滴水', roomId: 'demo:1-1-101', address: '1-1-101',
        residentName: '王秀英', phone: '138****0101', preferredTime: null, photos: [], channel: 'miniprogram',
        triage: { urgent: false, rule: null, matched: null }, priority: 'normal', technician: null,
        createdAt: '2026-11-23T02:00:00.000Z', dispatchedAt: null, actions: [], addedInALaterVersion: { any: 'thing' },
      },
    };
    expect(resultOf(RepairView).safeParse(reply).success).toBe(true);
  });

  it('a failure with a code an old client has never seen still parses, so it can show the message', () => {
    expect(resultOf(RepairView).safeParse({ ok: false, code: 'REPAIR.SOMETHING_NEW', message: '新的提示' }).success).toBe(true);
  });
});
