/**
 * Issue 15 (1): the declared cloud environment, assembled. manifest.json holds what the platform owns
 * (environments, storage, the collections `_shared` keeps, the reminders and pushes functions);
 * each area of the registry adds its function's limits and its collections from its own
 * `<area>/area.json` (and its parts, deployed with the same limits). The local database, the deploy and the smoke check all read this.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areas, deployedFunctions } from '@shared/areas';

export const MANIFEST_DIR = __dirname;

interface Declared {
  collections: Record<string, unknown>;
  functions: Record<string, unknown>;
}

interface AreaDeclared {
  function: unknown;
  collections: Record<string, unknown>;
  /**
   * Its collections whose documents' status only a state machine changes (issue 15, 2): the tests' engine checks each
   * change commits its event. `collection.field`: an entity held in a field of the collection's documents while open.
   */
  machines?: string[];
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** What `<area>/area.json` declares, as written (the readers parse it). */
export const areaDeclaration = (name: string, dir = MANIFEST_DIR): AreaDeclared => readJson(join(dir, name, 'area.json')) as AreaDeclared;

/** manifest.json with every area's function and collections merged in; a collection declared twice is an error. */
export const declaredManifest = (dir = MANIFEST_DIR): unknown => {
  const platform = readJson(join(dir, 'manifest.json')) as Declared;
  const collections = { ...platform.collections };
  const functions = { ...platform.functions };
  for (const { name } of areas) {
    const area = areaDeclaration(name, dir);
    for (const [collection, spec] of Object.entries(area.collections)) {
      if (collection in collections) throw new Error(`collection "${collection}" is declared twice (area ${name})`);
      collections[collection] = spec;
    }
    functions[name] = area.function;
    // Issue 16: an area's parts are deployed with its limits.
    for (const part of deployedFunctions.filter((f) => f.area === name && f.name !== name)) functions[part.name] = area.function;
  }
  return { ...platform, collections, functions };
};
