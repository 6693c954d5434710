import type * as z from 'zod/mini';
import { FileLink } from '@shared/contracts/files';
import type { Deps } from './deps';
import { servedCopyOf } from './storage';

/**
 * How long a file's temporary URL works: minutes, not getTempFileURL's default of a day (the
 * maximum; WeChat: https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-server-api/storage/getTempFileURL.html).
 */
export const LINK_MAX_AGE_SECONDS = 10 * 60;
/** getTempFileURL takes at most 50 files a call (same page). */
export const LINK_BATCH = 50;

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  options?: readonly z.ZodMiniType[];
  valueType?: z.ZodMiniType;
  items?: readonly z.ZodMiniType[];
  getter?: () => z.ZodMiniType;
}
const defOf = (schema: z.ZodMiniType) => schema._zod.def as unknown as Def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

const childrenOf = (schema: z.ZodMiniType): z.ZodMiniType[] => {
  const def = defOf(schema);
  if (def.type === 'object') return Object.values(def.shape ?? {});
  if (def.type === 'array') return def.element ? [def.element] : [];
  if (WRAPPERS.has(def.type)) return def.innerType ? [def.innerType] : [];
  if (def.type === 'union') return [...(def.options ?? [])];
  if (def.type === 'record') return def.valueType ? [def.valueType] : [];
  if (def.type === 'tuple') return [...(def.items ?? [])];
  if (def.type === 'lazy') return def.getter ? [def.getter()] : [];
  return [];
};

const holdsLinks = new WeakMap<z.ZodMiniType, boolean>();
/** Whether any part of the schema is a FileLink; remembered per schema, so most answers are never walked. */
const hasLinks = (schema: z.ZodMiniType, seen = new Set<z.ZodMiniType>()): boolean => {
  if (schema === FileLink) return true;
  const known = holdsLinks.get(schema);
  if (known !== undefined) return known;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const found = childrenOf(schema).some((child) => hasLinks(child, seen));
  holdsLinks.set(schema, found);
  return found;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value with every string the schema declares a FileLink passed through `swap`; everything else as it was. */
const mapLinks = (schema: z.ZodMiniType, value: unknown, swap: (fileId: string) => string): unknown => {
  if (schema === FileLink) return typeof value === 'string' ? swap(value) : value;
  if (value === null || value === undefined || !hasLinks(schema)) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      if (!isRecord(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, def.shape?.[key] ? mapLinks(def.shape[key], v, swap) : v]));
    case 'array':
      return Array.isArray(value) && def.element ? value.map((v) => mapLinks(def.element as z.ZodMiniType, v, swap)) : value;
    case 'record':
      return isRecord(value) && def.valueType ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLinks(def.valueType as z.ZodMiniType, v, swap)])) : value;
    case 'tuple':
      return Array.isArray(value) ? value.map((v, i) => (def.items?.[i] ? mapLinks(def.items[i], v, swap) : v)) : value;
    case 'union': {
      const option = def.options?.find((o) => o.safeParse(value).success);
      return option ? mapLinks(option, value, swap) : value;
    }
    default: {
      const [inner] = childrenOf(schema);
      return inner ? mapLinks(inner, value, swap) : value;
    }
  }
};

const tempUrlsOf = async (deps: Deps, fileIds: readonly string[]): Promise<Map<string, string>> => {
  const links = new Map<string, string>();
  for (let i = 0; i < fileIds.length; i += LINK_BATCH) {
    const batch = fileIds.slice(i, i + LINK_BATCH);
    const urls = await deps.files.tempUrls(batch, LINK_MAX_AGE_SECONDS);
    batch.forEach((id, j) => links.set(id, urls[j] ?? ''));
  }
  return links;
};

/**
 * Temporary URLs for these files, 50 a call; '' for a file that cannot be linked. A file from
 * before issue 12 sits under its uploader's openid, which a URL would show: it is linked through an
 * openid-free copy, made on its first view.
 */
export const linksFor = async (deps: Deps, fileIds: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(fileIds.filter(Boolean))];
  const servedAs = new Map(unique.map((id) => [id, servedCopyOf(id) ?? id]));
  const links = await tempUrlsOf(deps, [...new Set(servedAs.values())]);
  const uncopied = unique.filter((id) => servedAs.get(id) !== id && !links.get(servedAs.get(id) ?? ''));
  const copied = await Promise.all(uncopied.map(async (id) => ((await deps.files.copy(id, servedAs.get(id) ?? '')) ? [servedAs.get(id) ?? ''] : [])));
  for (const [id, url] of await tempUrlsOf(deps, copied.flat())) links.set(id, url);
  return new Map(unique.map((id) => [id, links.get(servedAs.get(id) ?? '') ?? '']));
};

/**
 * An action's answer as it leaves the function: each file its output contract declares a FileLink
 * becomes a temporary URL for this caller. The action has already decided the caller may see the
 * record; the file id itself (its folder, its bucket) never reaches a client.
 */
export const withFileLinks = async (output: z.ZodMiniType, data: unknown, deps: Deps): Promise<unknown> => {
  if (!hasLinks(output)) return data;
  const fileIds: string[] = [];
  mapLinks(output, data, (id) => (fileIds.push(id), id));
  if (fileIds.length === 0) return data;
  const links = await linksFor(deps, fileIds);
  return mapLinks(output, data, (id) => links.get(id) ?? '');
};
