import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type FunctionHandle, type Runtime } from '../local/runtime';
import type { Doc, Engine } from '../local/db';
import { tickTimers } from '../local/timers';
import { fileAndDispatch, onSiteSteps, raiseDailyLimits, type Call } from './repair-life';

/**
 * The reminders function's every-minute run at 1k, 10k and 100k stored documents. The history is
 * copies of one repair's whole life (filed, dispatched, done, signed off, with its events, notices,
 * deadlines, command records and callback), a year old and settled; before each measured run three
 * repairs are filed and dispatched and the clock moves three hours on, so every run has the same
 * fresh work (their acknowledgement deadlines warn and escalate). Median of five runs.
 */
/**
 * No command records: a settled past has none a year old, the timer's `commandRetention` step having removed each
 * one COMMAND_RETENTION_DAYS after it (and checked its journal a minute after it). Copied a year old, they were a
 * backlog of expired records each measured run removed 500 of, reading every expired one through the `age` index
 * (the local engine hands a range's every document to the matcher before the limit): 276 545 documents and 751 ms
 * a run at 100k, the retention's catching up rather than the every-minute run this measures.
 */
const HISTORY = ['repairs', 'events', 'outbox', 'deadlines', 'callbacks'];
const YEAR_MS = 400 * 24 * 3_600_000;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Documents of a settled past: nothing a sweep still has to act on. */
const settled = (collection: string, doc: Doc): boolean =>
  !((collection === 'deadlines' && doc.status === 'open') || (collection === 'outbox' && doc.status === 'pending') || (collection === 'callbacks' && doc.status === 'open'));

const copyOf = (value: unknown, ids: ReadonlySet<string>, suffix: string): unknown => {
  if (typeof value === 'string') {
    if (ids.has(value)) return `${value}${suffix}`;
    return INSTANT.test(value) ? new Date(Date.parse(value) - YEAR_MS).toISOString() : value;
  }
  if (Array.isArray(value)) return value.map((v) => copyOf(v, ids, suffix));
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v, ids, suffix)]));
  return value;
};

const storedCount = (engine: Engine): number => Object.keys(engine.manifest.collections).reduce((n, name) => n + engine.collection(name).count(), 0);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** One repair's life through the functions; what it stored becomes the template of the history. */
const lifeOfOneRepair = async (rt: Runtime, call: Call, cmd: () => string): Promise<Map<string, Doc[]>> => {
  const before = new Map(HISTORY.map((c) => [c, new Set(rt.engine.collection(c).all().map((d) => String(d._id)))]));
  const order = await fileAndDispatch(rt, call, cmd);
  let version = order.version;
  for (const [, who, action, extra] of onSiteSteps(rt)) {
    version = ((await call(rt, who, action, { propertyId: 'demo', commandId: cmd(), repairId: order.id, version, ...extra })) as { version: number }).version;
  }
  return new Map(HISTORY.map((c) => [c, rt.engine.collection(c).all().filter((d) => !before.get(c)?.has(String(d._id)) && settled(c, d))]));
};

export const sweepFigures = async (functions: Record<string, FunctionHandle>, call: Call, cmd: () => string) => {
  const clock = { ms: Date.parse('2026-11-23T01:00:00.000Z') };
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sweep-'));
  const rt = await createRuntime({ dataDir, functions, now: () => new Date(clock.ms) });
  const sweep = () => tickTimers(rt, new Date(clock.ms));
  try {
    await raiseDailyLimits(rt, call, cmd);
    const template = await lifeOfOneRepair(rt, call, cmd);
    const ids = new Set([...template.values()].flat().map((d) => String(d._id)));
    let copies = 0;
    const rows: (string | number)[][] = [['stored documents', 'median ms', 'documents read']];
    const medians: number[] = [];
    for (const size of [1_000, 10_000, 100_000]) {
      const perCopy = [...template.values()].reduce((n, docs) => n + docs.length, 0);
      const more = Math.max(0, Math.ceil((size - storedCount(rt.engine)) / perCopy));
      for (const [collection, docs] of template) {
        const batch = Array.from({ length: more }, (_, i) => docs.map((d) => copyOf(d, ids, `~h${copies + i + 1}`) as Doc)).flat();
        for (let at = 0; at < batch.length; at += 5_000) rt.engine.insertRaw(collection, batch.slice(at, at + 5_000));
      }
      copies += more;
      await sweep();
      const runs: { ms: number; read: number }[] = [];
      for (let i = 0; i < 5; i++) {
        for (let r = 0; r < 3; r++) await fileAndDispatch(rt, call, cmd);
        clock.ms += 3 * 3_600_000;
        rt.engine.stats.reset();
        const started = performance.now();
        await sweep();
        runs.push({ ms: performance.now() - started, read: rt.engine.stats.documentsRead });
      }
      const ms = median(runs.map((r) => r.ms));
      medians.push(ms);
      rows.push([storedCount(rt.engine), ms.toFixed(1), median(runs.map((r) => r.read))]);
    }
    return { rows, ratio: (medians[2] ?? NaN) / (medians[0] ?? NaN) };
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
