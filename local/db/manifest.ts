import * as path from 'node:path';
import * as z from 'zod/mini';
import { declaredManifest } from '../../cloudfunctions/manifest';

const IndexKey = z.tuple([z.string().check(z.minLength(1)), z.union([z.literal(1), z.literal(-1)])]);

const IndexSchema = z.object({
  name: z.string().check(z.minLength(1)),
  unique: z.optional(z.boolean()),
  keys: z.array(IndexKey).check(z.minLength(1)),
});

const CollectionSchema = z.object({
  rule: z.optional(z.unknown()),
  indexes: z._default(z.array(IndexSchema), []),
});

/** Only `collections` matters to the database; the rest of cloudfunctions/manifest.json passes through. */
const ManifestSchema = z.looseObject({
  collections: z.record(z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)), CollectionSchema),
});

export type IndexSpec = z.infer<typeof IndexSchema>;
export type CollectionSpec = z.infer<typeof CollectionSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

export const DEFAULT_MANIFEST_PATH = path.resolve(__dirname, '../../cloudfunctions/manifest.json');

export const parseManifest = (raw: unknown): Manifest => ManifestSchema.parse(raw);

/** The declared environment: manifest.json beside the areas' own declarations (cloudfunctions/manifest.ts). */
export const loadManifest = (manifestPath: string = DEFAULT_MANIFEST_PATH): Manifest => parseManifest(declaredManifest(path.dirname(manifestPath)));

/** Builds a manifest in code (tests): `{ tickets: [{ name: 'by_no', unique: true, keys: [['no', 1]] }] }`. */
export const manifestOf = (collections: Record<string, IndexSpec[]>): Manifest =>
  parseManifest({
    collections: Object.fromEntries(Object.entries(collections).map(([name, indexes]) => [name, { indexes }])),
  });

export const indexKeyFields = (index: IndexSpec): string[] => index.keys.map(([field]) => field);
