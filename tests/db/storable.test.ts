/**
 * The stored text of a document (local/db/storable.ts): one walk checks its names and tells whether
 * it is plain JSON; the text must be the encoder's own (local/db/stored-json.ts) for every document.
 */
import { storableText } from '../../local/db/storable';
import { decodeStored, encodeStored } from '../../local/db/stored-json';
import type { Doc } from '../../local/db';

let seed = 5;
const next = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
const scalars = [0, -0, 1.5, -7, Number.NaN, Infinity, -Infinity, 'text', '', '王', null, true, false, undefined, new Date(0), new Date(Number.NaN), /a.b/gi];

const value = (depth: number): unknown => {
  const roll = next();
  if (depth > 3 || roll < 0.6) return pick(scalars);
  if (roll < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
  const out: Doc = {};
  for (let i = Math.floor(next() * 4); i > 0; i--) out[pick(['a', 'b', 'c', 'd'])] = value(depth + 1);
  return out;
};

describe('storableText', () => {
  it('gives the stored-json encoding of 5000 random documents (dates, -0, NaN, infinities, regular expressions, undefined, nested)', () => {
    for (let n = 0; n < 5000; n++) {
      const doc: Doc = { _id: `d${n}` };
      for (const key of ['x', 'y', 'z']) if (next() < 0.8) doc[key] = value(0);
      expect({ n, text: storableText(doc) }).toEqual({ n, text: encodeStored(doc) });
    }
  });

  it('reads back what it wrote: a date deep in an array stays a date', () => {
    const doc = { _id: 'd', list: [{ at: new Date(86_400_000), n: -0 }] };
    expect(decodeStored(storableText(doc))).toEqual(doc);
  });
});
