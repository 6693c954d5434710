/**
 * Issue 16: where the desk's H5 inbox spends its CPU before the first card, the CPU slowed 4× as in
 * `h5Inbox`: self time (CDP Profiler, sampled) by script, by function and by webpack module, and the
 * function calls before the card (V8's precise coverage: counts the machine's load does not move).
 * `npx tsx bench/h5-profile.ts [h5 dir] [--loads=3] [--top=40]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstCard, signedInDesk, throttledPage } from './h5-inbox';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const h5Dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(resolve(__dirname, '..'), 'client', 'dist', 'h5');
const fileOf = (url: string) => url.replace(/^.*\//, '');
const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

/** The webpack module of a chunk that a line and column fall in: modules start at `{"<id>":` or `,"<id>":` and a function. */
const moduleFinder = () => {
  const chunks = new Map<string, { lineStarts: number[]; modules: { at: number; id: string }[] }>();
  return (file: string, line: number, column: number) => {
    if (!chunks.has(file)) {
      const path = join(h5Dir, 'js', file);
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      const modules = [...text.matchAll(/[{,]"?(\d+)"?:(?:function\(|\()/g)].map((m) => ({ at: m.index, id: m[1]! }));
      chunks.set(file, { lineStarts, modules });
    }
    const { lineStarts, modules } = chunks.get(file)!;
    const at = (lineStarts[line] ?? 0) + column;
    return modules.filter((m) => m.at <= at).at(-1)?.id ?? '(runtime)';
  };
};

const main = async () => {
  const loads = arg('loads', 3);
  const top = arg('top', 40);
  const moduleAt = moduleFinder();
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const callsByScript = new Map<string, number>();
  const callsByFunction = new Map<string, number>();
  let sampled = 0;
  let ran = 0;
  const desk = await signedInDesk(h5Dir);
  try {
    for (let load = 0; load < loads; load++) {
      const { page, cdp } = await throttledPage(desk.context);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      await cdp.send('Profiler.start');
      await page.goto(desk.inboxUrl);
      await firstCard(page);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const coverage = (await cdp.send('Profiler.takePreciseCoverage')) as Coverage;
      await cdp.send('Profiler.stopPreciseCoverage');
      await page.close();
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
        const ms = (profile.timeDeltas[i] ?? 0) / 1000;
        const file = fileOf(url) || `(${functionName || 'native'})`;
        sampled += ms;
        add(byScript, file, ms);
        add(byFunction, `${functionName || '(anonymous)'} ${file}:${lineNumber}:${columnNumber}`, ms);
        if (file.endsWith('.js')) add(byModule, `${file} module ${moduleAt(file, lineNumber, columnNumber)}`, ms);
      });
      for (const script of coverage.result) {
        const file = fileOf(script.url) || '(inline)';
        for (const f of script.functions) {
          const count = f.ranges[0]?.count ?? 0;
          if (count > 0) ran++;
          add(callsByScript, file, count);
          add(callsByFunction, `${f.functionName || '(anonymous)'} ${file}`, count);
        }
      }
    }
  } finally {
    await desk.close();
  }
  const print = (title: string, m: Map<string, number>, digits: number) => {
    console.log(`\n${title}`);
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, v]) => console.log(`${(v / loads).toFixed(digits).padStart(9)}  ${k}`));
  };
  console.log(`Per load, ${loads} loads: ${(sampled / loads).toFixed(0)} ms sampled on the throttled main thread; ${[...callsByScript.values()].reduce((a, b) => a + b, 0) / loads} function calls, ${ran / loads} functions ran`);
  print('Self time by script (ms)', byScript, 1);
  print('Self time by function (ms)', byFunction, 1);
  print('Self time by webpack module (ms)', byModule, 1);
  print('Function calls by script', callsByScript, 0);
  print('Most called functions', callsByFunction, 0);
};
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
