import { keyPart, OrderedKeys, type Slice } from '../../local/db/ordered-keys';

/**
 * The chunked entries of an index (local/db/ordered-keys.ts) against one plain sorted array, over
 * enough entries that chunks split and empty out: every slice must give the same ids.
 */
const entry = (keys: string[], id: string): string => OrderedKeys.entryTexts(keys.map((k) => [keyPart(k)]), id)[0] as string;

/** A small deterministic generator, so a failure repeats. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

describe('OrderedKeys: chunked, as one sorted array', () => {
  it('gives every slice the same ids through 6,000 adds and 4,000 removals', () => {
    const next = random(7);
    const keys = new OrderedKeys();
    const reference = new Map<string, { k: string[]; id: string }>();
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const statuses = ['Copen', 'Cdone', 'Cwait\u0000x', 'Cesc\u0001y'];
    for (let i = 0; i < 10_000; i++) {
      if (i % 5 < 3 || reference.size === 0) {
        const k = [pick(statuses), `B${String(Math.floor(next() * 500)).padStart(4, '0')}`];
        const id = `s:rp_${Math.floor(next() * 1e9).toString(16)}`;
        const text = entry(k, id);
        keys.add(text);
        reference.set(text, { k, id });
      } else {
        const text = pick([...reference.keys()]);
        keys.remove(text);
        reference.delete(text);
      }
    }
    expect(keys.size).toBe(reference.size);
    const slices: Slice[] = [
      { prefix: [] },
      ...statuses.map((s) => ({ prefix: [s] })),
      ...statuses.map((s) => ({ prefix: [s], lower: { key: 'B0100', inclusive: true }, upper: { key: 'B0200', inclusive: false } })),
      ...statuses.map((s) => ({ prefix: [s], lower: { key: 'B0450', inclusive: false } })),
      { prefix: ['Copen', 'B0042'] },
    ];
    for (const slice of slices) {
      const expected = new Set(
        [...reference.values()]
          .filter(({ k }) => slice.prefix.every((p, i) => k[i] === p))
          .filter(({ k }) => {
            const next = k[slice.prefix.length] as string | undefined;
            if (next === undefined) return true;
            if (slice.lower && (slice.lower.inclusive ? next < slice.lower.key : next <= slice.lower.key)) return false;
            if (slice.upper && (slice.upper.inclusive ? next > slice.upper.key : next >= slice.upper.key)) return false;
            return true;
          })
          .map(({ id }) => id),
      );
      expect(keys.lookup(slice)).toEqual(expected);
    }
  });

  it('loads unsorted entries in one go, dropping repeats, then keeps adding in order', () => {
    const keys = new OrderedKeys();
    keys.beginLoad();
    for (let i = 999; i >= 0; i--) keys.add(entry(['Cx'], `s:${String(i).padStart(4, '0')}`));
    keys.add(entry(['Cx'], 's:0005'));
    keys.endLoad();
    keys.add(entry(['Cx'], 's:0500a'));
    expect(keys.size).toBe(1001);
    expect([...keys.lookup({ prefix: ['Cx'] })].slice(499, 503)).toEqual(['s:0499', 's:0500', 's:0500a', 's:0501']);
  });
});
