import type * as z from 'zod/mini';

/**
 * Issue 16 (require time): a schema built on its first use. The function build
 * (scripts/build-functions.ts) wraps every schema shared-types defines when a module is evaluated in this,
 * so requiring a function bundle builds none of them: a function answers one action per call, yet building
 * every contract, model and view it imports was about half of what requiring it cost (841 zod/mini objects
 * in repairs-steps), and V8 compiled their construction with it.
 *
 * `lazySchema(() => z.object({ … }))` is the schema itself to every reader (a Proxy): its first read of any
 * property (`.parse`, `._zod`, `.shape`, an `instanceof`) builds it once and answers from it ever after. A
 * schema wrapping others (a field, an option, an element) reads them only when it first parses, so building
 * one builds only what it needs; `z.extend`, `z.pick` and `z.omit` read their base at once.
 */
interface Pending {
  build: () => z.ZodMiniType;
  built?: z.ZodMiniType;
}

/**
 * Every trap answers from the built schema, one handler for all. A descriptor is reported configurable: a
 * proxy may not report a non-configurable property its target lacks, as zod's `_zod` is.
 */
const traps: Record<string, (pending: Pending, ...args: unknown[]) => unknown> = {};
for (const trap of ['get', 'has', 'set', 'defineProperty', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'] as const) {
  traps[trap] = (pending: Pending, ...args: unknown[]) => {
    const answer = (Reflect[trap] as (...a: unknown[]) => unknown)((pending.built ??= pending.build()), ...args);
    return trap === 'getOwnPropertyDescriptor' && answer ? { ...answer, configurable: true } : answer;
  };
}

// @__NO_SIDE_EFFECTS__
export const lazySchema = <S extends z.ZodMiniType>(build: () => S): S => new Proxy<Pending>({ build }, traps as ProxyHandler<Pending>) as unknown as S;
