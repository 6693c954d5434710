import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repairModel } from '@shared/model/repair.model';
import { memberModel } from '@shared/model/member.model';
import { settingsModel, defaultSettings } from '@shared/model/settings.model';
import { deadlineModel } from '@shared/model/deadline.model';
import { maskPhone } from '@shared/domain/phone';

const fixtures = join(__dirname, '..', 'fixtures', 'stored');
const load = (name: string): unknown => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));

describe('stored documents keep their schema version and old shapes still read', () => {
  it('a repair written by v1 code (no channel, no priority) migrates on read through every step', () => {
    const repair = repairModel.parse(load('repair.v1.json'));
    expect(repair.schemaVersion).toBe(3);
    expect(repair.channel).toBe('miniprogram');
    expect(repair.priority).toBe('urgent');
    expect(repair.countsFor).toBe('2026-10');
  });

  it('R11: a v2 repair (before the on-site fields) gets empty ones and the month it counts for', () => {
    const repair = repairModel.parse({ ...(load('repair.v2.json') as object), createdAt: '2026-10-30T02:00:00.000Z' });
    expect(repair).toMatchObject({ schemaVersion: 3, quote: null, rating: null, pausedMs: 0, countsFor: '2026-11' });
  });

  it('a current repair reads unchanged', () => {
    const raw = load('repair.v3.json') as Record<string, unknown>;
    expect(repairModel.parse(raw)).toEqual(raw);
  });

  it('every fixture of an old shape parses with its model', () => {
    const models = { repair: repairModel, member: memberModel, settings: settingsModel, deadline: deadlineModel } as const;
    for (const file of readdirSync(fixtures)) {
      const model = models[file.split('.')[0] as keyof typeof models];
      expect(model.safeParse(load(file)).success).toBe(true);
    }
  });

  it('a deadline written before per-rule escalation intervals keeps climbing an hour a rung', () => {
    expect(deadlineModel.parse(load('deadline.v1.json'))).toMatchObject({ schemaVersion: 2, escalateEveryMinutes: 60 });
  });

  it('a malformed document is refused, not half-read', () => {
    const raw = { ...(load('repair.v2.json') as object), status: 'flying' };
    expect(repairModel.safeParse(raw).success).toBe(false);
  });

  it('a document from a future version without a migration path is refused', () => {
    const raw = { ...(load('repair.v1.json') as object), schemaVersion: 0 };
    expect(repairModel.safeParse(raw).success).toBe(false);
  });

  it('default settings are a valid settings document', () => {
    expect(settingsModel.parse(defaultSettings('p1')).groupComplaintWindowHours).toBe(24);
  });
});

describe('P1: phone numbers are masked', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['123', '***'],
  ])('%s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});
