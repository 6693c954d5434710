/**
 * Issue 16 (require time): the function build wraps shared-types' schemas in `lazySchema`, built on first use
 * (tests/build/function-bundles.test.ts holds every bundle to building none when required): wrapping builds
 * nothing, and the schema answers exactly as the one it wraps.
 */
import * as z from 'zod/mini';
import { lazySchema } from '@shared/model/lazy-schema';

/** How many zod/mini schemas `run` constructs (zod calls its global post-processor on each). */
const schemasBuiltBy = (run: () => void): number => {
  let built = 0;
  const before = z.config().postProcessor;
  z.config({ postProcessor: () => built++ });
  try {
    run();
  } finally {
    z.config({ postProcessor: before });
  }
  return built;
};

describe('issue 16: lazySchema', () => {
  it('builds nothing when defined nor when another schema wraps it; the first parse builds it once', () => {
    let builds = 0;
    let Room: z.ZodMiniObject<{ roomId: z.ZodMiniString; floor: z.ZodMiniNumber }> | undefined;
    let Rooms: z.ZodMiniObject | undefined;
    const defining = schemasBuiltBy(() => {
      Room = lazySchema(() => {
        builds++;
        return z.object({ roomId: z.string(), floor: z.number() });
      });
      Rooms = lazySchema(() => z.object({ rooms: z.array(Room!), first: z.optional(z.nullable(Room!)) }));
    });
    expect({ defining, builds }).toEqual({ defining: 0, builds: 0 });

    expect(Rooms!.parse({ rooms: [{ roomId: 'r1', floor: 3 }], first: null })).toEqual({ rooms: [{ roomId: 'r1', floor: 3 }], first: null });
    expect(Room!.parse({ roomId: 'r2', floor: 1 })).toEqual({ roomId: 'r2', floor: 1 });
    expect(builds).toBe(1);
  });

  it('answers as the schema it wraps: the same results, refusals, shape, class and derived schemas', () => {
    const build = () => z.strictObject({ name: z.string().check(z.trim(), z.minLength(2)), kind: z.enum(['a', 'b']) });
    const [eager, lazy] = [build(), lazySchema(build)];
    for (const input of [{ name: ' 王 秀英 ', kind: 'a' }, { name: ' x', kind: 'c' }, { name: 'ok', kind: 'b', extra: 1 }, null]) {
      expect(lazy.safeParse(input)).toEqual(eager.safeParse(input));
    }
    expect(lazy).toBeInstanceOf(z.ZodMiniObject);
    expect(lazy instanceof z.ZodMiniString).toBe(false);
    expect(Object.keys(lazy.shape)).toEqual(['name', 'kind']);
    expect(lazy._zod.def.type).toBe('object');
    expect(Object.keys(lazy)).toEqual(Object.keys(eager));
    expect(z.extend(lazy, { floor: z.number() }).safeParse({ name: '王秀英', kind: 'b', floor: 'x' }).error?.issues.map((i) => i.path)).toEqual([['floor']]);
    expect(z.pick(lazy, { kind: true }).parse({ kind: 'a' })).toEqual({ kind: 'a' });
    expect(z.discriminatedUnion('kind', [lazy, z.object({ kind: z.literal('c') })]).parse({ kind: 'c' })).toEqual({ kind: 'c' });
  });
});
