import type * as z from 'zod/mini';

/**
 * Issue 16 (require time): a schema built on its first use. Every contract, model and view of a module is
 * a schema defined when the module is evaluated, yet a cloud function answers one action per call and a
 * page parses a few: building them all made each function bundle's evaluation (≈ 840 zod/mini objects in
 * repairs-steps) about half of what requiring it costs, and V8 compiled their construction with it.
 *
 * `lazySchema(() => z.object({ … }))` is the schema itself to every reader (a Proxy): its first read of any
 * property (`.parse`, `._zod`, `.shape`, an `instanceof`) builds it once and answers from it ever after,
 * so the type is the built schema's and nothing that uses it changes. A schema wrapping others (a field, an
 * option, an element) reads them only when it first parses, so building one builds only what it needs;
 * `z.extend`, `z.pick` and `z.omit` read their base at once. Build-time code (scripts/build-functions.ts)
 * walks the schemas as any reader does.
 */
// @__NO_SIDE_EFFECTS__
export const lazySchema = <S extends z.ZodMiniType>(build: () => S): S => {
  let built: S | undefined;
  const schema = (): S => (built ??= build());
  return new Proxy({} as S, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported configurable: a proxy may not report a non-configurable property its (empty) target lacks, as zod's `_zod` is.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
};
