/**
 * Issue 15 (1): one declaration per area, and every list that used to be kept by hand derived from it.
 * Each test reads the registry (shared-types/src/areas) and checks one derived list against it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { areaPages, areas, areaTimerSteps, deployedFunctions } from '@shared/areas';
import { catalogue, functionNames } from '@shared/contracts';
import { messages } from '@shared/messages';
import { NoticeKind } from '@shared/model/outbox.model';
import { TimerStep } from '@shared/model/environment.model';
import { pushAudience } from '@shared/domain/push-audience.rules';
import { readManifest } from '../../scripts/deploy-manifest';
import { loadManifest } from '../../local/db';
import { areaDeclaration } from '../../cloudfunctions/manifest';
import { functions, MACHINE_COLLECTIONS } from '../functions/harness';
import { areaSweeps, sweepingAreas } from '../../cloudfunctions/reminders-areas/area-sweeps';
import { stepsOf } from '../../cloudfunctions/_shared/timer-sweeps';
import { BUILD_TARGET } from '../../scripts/deploy-plan';

const root = resolve(__dirname, '..', '..');
const source = join(root, 'cloudfunctions');
const platform = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as { functions: Record<string, unknown>; collections: Record<string, unknown> };
const declared = readManifest(join(source, 'manifest.json'));
const names: string[] = areas.map((a) => a.name);

const appConfig = (): { subPackages: Array<{ root: string; pages: string[] }> } => {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  return (require('../../client/src/app.config') as { default: { subPackages: Array<{ root: string; pages: string[] }> } }).default;
};

describe('issue 15 (1): the registry of areas', () => {
  it('every function folder is an area of the registry, one of its parts or a platform function, and every area has its folder, area.json and config.json, every part its folder and config.json', () => {
    const folders = readdirSync(source).filter((name) => !name.startsWith('_') && statSync(join(source, name)).isDirectory());
    const deployed: string[] = deployedFunctions.map((f) => f.name);
    expect(folders.filter((f) => !deployed.includes(f) && !(f in platform.functions))).toEqual([]);
    expect(names.filter((n) => !existsSync(join(source, n, 'area.json')) || !existsSync(join(source, n, 'config.json')))).toEqual([]);
    const parts = deployedFunctions.filter((f) => f.name !== f.area);
    expect(parts.filter((p) => !existsSync(join(source, p.name, 'config.json')) || !existsSync(join(source, p.name, 'index.ts')))).toEqual([]);
    // Issue 16: a part is named after its area, and declares nothing of its own: its limits and collections are the area's.
    expect(parts.filter((p) => !p.name.startsWith(`${p.area}-`) || existsSync(join(source, p.name, 'area.json')))).toEqual([]);
  });

  it("the manifest's functions are the registry's deployed functions and the platform's, each area's limits (and its parts') read from its own area.json", () => {
    expect(Object.keys(declared.functions).sort()).toEqual([...deployedFunctions.map((f) => f.name), ...Object.keys(platform.functions)].sort());
    for (const { name, area } of deployedFunctions) expect(declared.functions[name]).toEqual(areaDeclaration(area).function);
  });

  it("the manifest's collections are the platform's and each area's own, as declared, in the deploy's reading and the local database's", () => {
    const own = names.flatMap((name) => Object.keys(areaDeclaration(name).collections));
    expect(own.filter((c) => c in platform.collections)).toEqual([]);
    expect(new Set(own).size).toBe(own.length);
    expect(Object.keys(declared.collections).sort()).toEqual([...Object.keys(platform.collections), ...own].sort());
    expect(Object.keys(loadManifest().collections).sort()).toEqual(Object.keys(declared.collections).sort());
    for (const name of names) {
      for (const [collection, spec] of Object.entries(areaDeclaration(name).collections)) expect(declared.collections[collection]).toEqual(spec);
    }
  });

  it("the collections the status-event check watches are those each area's area.json names under machines, each one of its own collections", () => {
    for (const name of names) {
      const area = areaDeclaration(name);
      expect((area.machines ?? []).filter((c) => !(c.split('.')[0]! in area.collections))).toEqual([]);
    }
    expect([...MACHINE_COLLECTIONS].sort()).toEqual(names.flatMap((name) => areaDeclaration(name).machines ?? []).sort());
    expect(MACHINE_COLLECTIONS).toEqual(expect.arrayContaining(['repairs', 'complaints', 'complaintGroups', 'bookings', 'callbacks', 'handovers', 'keys.loan', 'keyInventories', 'fileGrants']));
  });

  it("the function names and the catalogue are the registry's, each area's actions those of the contracts it names", () => {
    expect([...functionNames]).toEqual(names);
    expect(Object.keys(catalogue)).toEqual(names);
    for (const area of areas) {
      const expected = area.contracts.flatMap((c) => Object.keys((require(`../../shared-types/src/contracts/${c}.contract`) as Record<string, object>)[`${c}Actions`] ?? {}));
      expect(Object.keys(catalogue[area.name]).sort()).toEqual(expected.sort());
      expect(Object.values(catalogue[area.name]).every((a) => a.fn === area.name)).toBe(true);
    }
  });

  it("an area's test files found by name (valid inputs, paged lists, journey) are named after an area of the registry", () => {
    const found = readdirSync(join(root, 'tests', 'functions')).flatMap((f) => /^(.+)-(inputs|lists|journey)\.ts$/.exec(f)?.[1] ?? []).filter((n) => n !== 'valid');
    expect(found.filter((n) => !names.includes(n))).toEqual([]);
  });

  it("the test harness runs each deployed function, an area's own and each of its parts (issue 16)", () => {
    for (const { name } of deployedFunctions) expect(functions[name]).toBe((require(`../../cloudfunctions/${name}/handle`) as { handle: unknown }).handle);
  });

  it('every notice kind an area declares is a NoticeKind, pushed to the audience it declares, with words for it', () => {
    for (const area of areas) {
      for (const [kind, audience] of Object.entries(area.notices)) {
        expect(NoticeKind.options).toContain(kind);
        expect(pushAudience[kind as NoticeKind]).toEqual(audience);
        expect(messages.notices[kind as NoticeKind]).toEqual(expect.any(String));
      }
    }
  });

  it('every timer step an area declares is a TimerStep, with its words', () => {
    for (const area of areas) {
      for (const [step, words] of Object.entries(area.timerSteps)) {
        expect(TimerStep.options).toContain(step);
        expect(words).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("the areas' timer (reminders-areas, issue 16) runs each area's declared steps, in the registry's order, from the area's own timer.ts (and no other area has one)", () => {
    const sweeping = areas.filter((a) => Object.keys(a.timerSteps).length > 0).map((a) => a.name);
    expect(sweepingAreas()).toEqual(sweeping);
    expect(names.filter((n) => existsSync(join(source, n, 'timer.ts')))).toEqual(sweeping);
    const run = areaSweeps().map((area) => stepsOf(area).map((s) => s.sweep.step));
    expect(run).toEqual(sweeping.map((name) => Object.keys(areas.find((a) => a.name === name)?.timerSteps ?? {})));
    expect(run.flat()).toEqual(areaTimerSteps);
    const fields = areaSweeps().map((a) => a.field);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("the areas' timer bundle (reminders-areas) carries every sweeping area's timer.ts, the glob its loader's require names", async () => {
    const out = await build({
      entryPoints: [join(source, 'reminders-areas', 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      target: BUILD_TARGET,
      format: 'cjs',
      external: ['wx-server-sdk'],
      alias: { '@shared': join(root, 'shared-types', 'src') },
      logLevel: 'silent',
    });
    const timers = Object.keys(out.metafile.inputs).filter((f) => /^cloudfunctions\/[a-z-]+\/timer\.ts$/.test(f));
    expect(timers.sort()).toEqual(sweepingAreas().map((n) => `cloudfunctions/${n}/timer.ts`).sort());
    expect(out.warnings).toEqual([]);
  });

  it("app.config registers every page an area declares in its role's subpackage, after the role's own, and each page exists", () => {
    const packages = appConfig().subPackages;
    for (const page of areaPages) {
      const pkg = packages.find((p) => p.root === `pages/${page.root}`);
      expect(pkg?.pages).toContain(page.page);
      expect(existsSync(join(root, 'client', 'src', 'pages', page.root, page.page.replace(/\/index$/, ''), 'index.tsx'))).toBe(true);
    }
    for (const pkg of packages) {
      const declaredHere = areaPages.filter((p) => `pages/${p.root}` === pkg.root).map((p) => p.page);
      expect(pkg.pages.slice(pkg.pages.length - declaredHere.length)).toEqual(declaredHere);
    }
  });

  it('routes and work-grid entries are named once across areas', () => {
    const routes = areaPages.map((p) => p.route);
    const keys = areaPages.flatMap((p) => (p.nav ? [p.nav.key] : []));
    expect(new Set(routes).size).toBe(routes.length);
    expect(new Set(keys).size).toBe(keys.length);
    for (const page of areaPages) if (page.nav) expect(page.nav.label).toMatch(/\p{Script=Han}/u);
  });
});
