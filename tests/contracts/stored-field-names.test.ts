/**
 * Issue 13 (1.2): no stored document may have data as its field names. MongoDB-based stores refuse
 * dotted names and `$` names, and CloudBase's update reads `'repair.new'` as a nested path. A record
 * (keys chosen by data: notice kinds, openids) is how such names get in, so no stored model and no
 * write action's output (kept as the command record a retry replays) may contain one.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import { catalogue } from '@shared/contracts';
import type { Model } from '@shared/model/versioned';

const modelDir = join(__dirname, '..', '..', 'shared-types', 'src', 'model');

/** Every stored model, by its export name, from every *.model.ts. */
const models = readdirSync(modelDir)
  .filter((file) => file.endsWith('.model.ts'))
  .flatMap((file) =>
    Object.entries(require(join(modelDir, file)) as Record<string, unknown>).filter(
      (entry): entry is [string, Model<z.ZodMiniType>] => typeof entry[1] === 'object' && entry[1] !== null && 'collection' in entry[1] && 'schema' in entry[1],
    ),
  );

type Def = { type: string; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType; innerType?: z.ZodMiniType; options?: z.ZodMiniType[]; left?: z.ZodMiniType; right?: z.ZodMiniType; in?: z.ZodMiniType; out?: z.ZodMiniType };

/** The paths inside a schema where a record (data-chosen keys) sits. */
const recordsIn = (schema: z.ZodMiniType, path = '$'): string[] => {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'record':
      return [path];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, inner]) => recordsIn(inner, `${path}.${key}`));
    case 'array':
      return recordsIn(def.element as z.ZodMiniType, `${path}[]`);
    case 'union':
      return (def.options ?? []).flatMap((o) => recordsIn(o, path));
    case 'intersection':
      return [...recordsIn(def.left as z.ZodMiniType, path), ...recordsIn(def.right as z.ZodMiniType, path)];
    case 'pipe':
      return [...recordsIn(def.in as z.ZodMiniType, path), ...recordsIn(def.out as z.ZodMiniType, path)];
    default:
      return def.innerType ? recordsIn(def.innerType, path) : [];
  }
};

describe('issue 13 (1.2): stored documents have fixed field names', () => {
  it('the scan finds a record where there is one', () => {
    const { record, object, optional, string } = jest.requireActual<typeof z>('zod/mini');
    expect(recordsIn(object({ a: object({ b: optional(record(string(), string())) }) }))).toEqual(['$.a.b']);
  });

  it('finds every stored model', () => {
    expect(models.map(([name]) => name)).toEqual(expect.arrayContaining(['repairModel', 'settingsModel', 'commandModel', 'robotModel']));
  });

  it.each(models)('stored model %s has no record', (_name, model) => {
    expect(recordsIn(model.schema)).toEqual([]);
  });

  it('no write action\'s output (stored as its command record) has a record', () => {
    const writes = Object.values(catalogue).flatMap((actions) => Object.values(actions)).filter((a) => a.write);
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.flatMap((a) => recordsIn(a.output).map((p) => `${a.fn}.${a.name} ${p}`))).toEqual([]);
  });
});
