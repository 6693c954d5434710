import {
  canInvite,
  CODE_ALPHABET,
  codeFromRandom,
  expiryOf,
  invitationState,
  MAX_EXPIRY_HOURS,
  normalizeCode,
  sceneOf,
} from '@shared/domain/invitation.rules';
import { invite } from '@shared/contracts/members.contract';

describe('invitation codes: short, unambiguous, made from the bytes they are given', () => {
  it('8 symbols from 32 that exclude 0, O, 1 and I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
  });

  it.each([
    [[0, 0, 0, 0, 0], '22222222'],
    [[255, 255, 255, 255, 255], 'ZZZZZZZZ'],
    [[0b00001_000, 0b10_00011_0, 0b0100_0010, 0b1_00110_00, 0b111_01000], '3456789A'],
  ])('bytes %j make %s: every 5 bits pick one symbol, so no symbol is favoured', (bytes, code) => {
    expect(codeFromRandom(Uint8Array.from(bytes))).toBe(code);
  });

  it('refuses fewer than 5 random bytes rather than make a weaker code', () => {
    expect(() => codeFromRandom(Uint8Array.from([1, 2, 3, 4]))).toThrow();
  });

  it.each([
    ['K7MQ2XPD', 'K7MQ2XPD'],
    ['k7mq-2xpd', 'K7MQ2XPD'],
    [' K7MQ 2XPD ', 'K7MQ2XPD'],
  ])('what a person types (%s) is read as %s', (typed, code) => {
    expect(normalizeCode(typed)).toBe(code);
  });

  it.each(['K7MQ2XP', 'K7MQ2XPDD', 'K7MQ2XP0', 'K7MQ2XPI', 'K7MQ2XP!'])('%s cannot be a code', (typed) => {
    expect(normalizeCode(typed)).toBeNull();
  });

  it('the QR code scene fits WeChat\'s 32 characters', () => {
    expect(sceneOf('ZZZZZZZZ')).toBe('inv=ZZZZZZZZ');
    expect(sceneOf('ZZZZZZZZ').length).toBeLessThanOrEqual(32);
  });
});

describe('invitation expiry and use', () => {
  const now = new Date('2026-11-23T02:00:00.000Z');

  it('defaults to 72 hours and allows at most 30 days', () => {
    const base = { propertyId: 'demo', commandId: 'cmd-expiry-1', role: 'desk' };
    expect(invite.input.parse(base).hours).toBe(72);
    expect(invite.input.safeParse({ ...base, hours: MAX_EXPIRY_HOURS }).success).toBe(true);
    expect(invite.input.safeParse({ ...base, hours: MAX_EXPIRY_HOURS + 1 }).success).toBe(false);
    expect(invite.input.safeParse({ ...base, hours: 0 }).success).toBe(false);
    expect(expiryOf(now, 72).toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it('is open until the instant it expires, expired from then on', () => {
    const inv = { status: 'open' as const, expiresAt: '2026-11-26T02:00:00.000Z' };
    expect(invitationState(inv, new Date('2026-11-26T01:59:59.999Z'))).toBe('open');
    expect(invitationState(inv, new Date('2026-11-26T02:00:00.000Z'))).toBe('expired');
  });

  it('once used it stays used, expired or not', () => {
    expect(invitationState({ status: 'used', expiresAt: '2026-11-26T02:00:00.000Z' }, now)).toBe('used');
    expect(invitationState({ status: 'used', expiresAt: '2026-11-20T02:00:00.000Z' }, now)).toBe('used');
  });

  it('a manager invites any staff role; a supervisor all but manager; nobody else', () => {
    expect((['desk', 'technician', 'supervisor', 'manager'] as const).map((r) => canInvite('manager', r))).toEqual([true, true, true, true]);
    expect((['desk', 'technician', 'supervisor', 'manager'] as const).map((r) => canInvite('supervisor', r))).toEqual([true, true, true, false]);
    expect(canInvite('desk', 'desk')).toBe(false);
    expect(canInvite('resident', 'desk')).toBe(false);
  });
});
