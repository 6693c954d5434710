import { areas } from '@shared/areas';
import type { AreaSweeps } from '../_shared/timer-sweeps';

/** The registry's areas whose declarations list timer steps, in the registry's order. */
export const sweepingAreas = (): string[] => areas.filter((a) => Object.keys(a.timerSteps).length > 0).map((a) => a.name);

/**
 * Issue 15 (1, 3): the areas' sweeps, assembled from the registry: each area that declares timer steps
 * exports its `sweeps` from its `timer.ts`, loaded here by the area's name, so a new area's sweeps need no
 * line here. The bundler reads the pattern `../<name>/timer.ts` as a glob and bundles every area's
 * `timer.ts` (esbuild's glob-style imports, https://esbuild.github.io/api/#glob). Not through `exports.ts`:
 * a module loaded this way is bundled whole, not tree-shaken, and every area's exports.ts whole took the
 * reminders bundle from 162 149 to 194 567 bytes, over the 176 KB ceiling (bench/budgets.ts). Issue 16: loaded by
 * the second timer function, `reminders-areas`, so that `reminders` keeps only the platform's steps.
 */
let loaded: AreaSweeps[] | null = null;
export const areaSweeps = (): AreaSweeps[] => (loaded ??= sweepingAreas().map((name) => (require(`../${name}/timer.ts`) as { sweeps: AreaSweeps }).sweeps));
