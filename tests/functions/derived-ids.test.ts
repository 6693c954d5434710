/**
 * A derived id is stable across runtimes: a retried command must reach the same documents whether
 * the function runs where Node has the one-shot `crypto.hash` or only `createHash` (cloudfunctions/_shared/ids.ts).
 */
import { createHash } from 'node:crypto';
import { derivedId } from '../../cloudfunctions/_shared/ids';

describe('derivedId', () => {
  it('is the prefix and the first 24 hex digits of the SHA-256 of the parts joined by \\u0000', () => {
    for (const parts of [['demo', 'mb_oreswang~tp-1'], ['rp'], ['王秀英', '', 'x\u0000y'], []]) {
      const expected = `qt_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
      expect(derivedId('qt', ...parts)).toBe(expected);
    }
  });

  it('gives the id it always gave for known parts (ids already stored must keep resolving)', () => {
    expect(derivedId('ab', 'a', 'b')).toBe('ab_59b271ae1bbcb1d31d419298');
  });
});
