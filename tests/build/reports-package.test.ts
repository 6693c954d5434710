/**
 * Issue 17 (2): the charts' library ships in the reports subpackage alone (uCharts ≈ 140 KB), so the
 * main package and the role packages carry none of it; the reports package stays within a role
 * subpackage's 500 KB. Read from the weapp build `npm test` has already made.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { KB } from '../../bench/budgets';
import { weappPackages } from '../../bench/sizes';

const weapp = join(resolve(__dirname, '..', '..'), 'client', 'dist', 'weapp');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

describe('issue 17 (2): uCharts in the reports subpackage only', () => {
  beforeAll(() => {
    if (!existsSync(join(weapp, 'app.json'))) throw new Error(`${weapp} is missing: run \`npm run build:weapp\` before these tests`);
  });

  it('the chart library is found in pages/reports and nowhere else', () => {
    const carrying = walk(weapp)
      .filter((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('[uCharts]'))
      .map((file) => relative(weapp, file));
    expect(carrying.length).toBeGreaterThan(0);
    expect(carrying.filter((file) => !file.startsWith('pages/reports/'))).toEqual([]);
  });

  it('the reports subpackage stays within a role subpackage\'s 500 KB', () => {
    const reports = weappPackages(weapp).find((p) => p.name === 'pages/reports');
    expect(reports?.bytes).toBeLessThanOrEqual(500 * KB);
  });
});
