import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames, type Action } from '@shared/contracts';
import type { startRuntime } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** One paged list of lists.test.ts: who calls it, with what, and how its items are made (issue 12, 3.3). */
export interface ListCase {
  name: string;
  who: string;
  action: Action;
  input: object;
  /** Makes the list's items; answers how many the list should hold. */
  seed: (rt: Rt) => Promise<number>;
}

interface AreaLists {
  /** The area's paged lists. */
  areaLists: ListCase[];
  /** Its lists answered whole (no cursor), each bounded by what it is. */
  unpagedLists?: string[];
}

/**
 * Issue 15 (1): an area's paged lists live beside its tests, in `<area>-lists.ts` exporting `areaLists`
 * (and `unpagedLists`), found by the registry's names like its valid inputs.
 */
const areaFiles = (): AreaLists[] => functionNames.filter((fn) => existsSync(join(__dirname, `${fn}-lists.ts`))).map((fn) => require(`./${fn}-lists`) as AreaLists);

export const areaListCases = (): ListCase[] => areaFiles().flatMap((f) => f.areaLists);
export const areaUnpagedLists = (): string[] => areaFiles().flatMap((f) => f.unpagedLists ?? []);
