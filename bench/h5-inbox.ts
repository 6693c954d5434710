import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repairs } from '@shared/contracts';
import { createRuntime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import { startServer } from '../local/server';
import { repairInput, WANG } from './repair-life';

/** Issue 16: the desk's inbox interactive within this, the CPU throttled 4× in Chromium. */
export const H5_INBOX_BUDGET_MS = 1000;
export const CPU_SLOWDOWN = 4;

const root = resolve(__dirname, '..');
/** How long a load is watched after its first card, for the scripts the page asks for after it. */
const AFTER_CARD_MS = 3000;
const sum = (scripts: readonly ScriptLoad[]) => scripts.reduce((total, s) => total + s.bytes, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One script the load fetched: its file, bytes on the wire, and when its request went out and its body ended (ms from navigation start). */
export interface ScriptLoad {
  file: string;
  bytes: number;
  sentMs: number;
  doneMs: number;
}

/**
 * Waves of scripts: a script asked for while no script of the load was on its way starts a new
 * network turn (webpack runs a chunk group only once all of it arrived, so a lazy import found by
 * running code is asked for after its group finished); scripts asked for while others were still
 * arriving ride their wave.
 */
export const wavesOf = (scripts: readonly ScriptLoad[]): number => {
  let waves = 0;
  let inFlightUntil = -Infinity;
  for (const s of [...scripts].sort((a, b) => a.sentMs - b.sentMs)) {
    if (s.sentMs > inFlightUntil) waves++;
    inFlightUntil = Math.max(inFlightUntil, s.doneMs);
  }
  return waves;
};

/**
 * The local system serving the H5 build in `h5Dir` with one repair filed, and a browser context signed in as the
 * demo desk clerk (1280×800): what each load of the inbox starts from. `close` ends them all.
 */
export const signedInDesk = async (h5Dir: string) => {
  if (!existsSync(join(h5Dir, 'index.html'))) throw new Error(`${h5Dir} is missing: run npm run build:h5`);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-h5-'));
  const runtime = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
  const server = await startServer({ runtime, h5Dir, dataDir, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await browser.close();
    await server.close();
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const filed = await runtime.invoke('repairs', { action: repairs.create.name, input: repairInput(`bench-h5-${process.pid}`) }, { openid: WANG });
    if (!(filed as { ok: boolean }).ok) throw new Error(`filing the inbox's repair failed: ${JSON.stringify(filed)}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const signIn = await context.newPage();
    await signIn.goto(server.url);
    await signIn.locator('.btn-dev-user', { hasText: '陈晓' }).first().click();
    await signIn.locator('.repair-card').first().waitFor();
    await signIn.close();
    return { context, inboxUrl: `${server.url}#/pages/desk/inbox/index`, close };
  } catch (e) {
    await close();
    throw e;
  }
};

/**
 * A new page of `context` with the cache off and the CPU slowed `CPU_SLOWDOWN`×, which sets `window.inboxAt`
 * (ms from navigation start) when the first repair card is in the document.
 */
export const throttledPage = async (context: BrowserContext) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // A string, not a function: tsx's transform would wrap a function's inner functions in a helper the page lacks.
  await page.addInitScript(`new MutationObserver((_, observer) => {
    if (!document.querySelector('.repair-card')) return;
    window.inboxAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`);
  return { page, cdp };
};

/** Waits for the first card of a page from `throttledPage`: its time, ms from navigation start. */
export const firstCard = async (page: Page): Promise<number> => {
  await page.waitForFunction(() => (window as unknown as { inboxAt?: number }).inboxAt !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { inboxAt: number }).inboxAt);
};

/**
 * Loads the desk's inbox of the H5 build from the local system, signed in as the demo desk clerk, the
 * cache off and the CPU slowed `CPU_SLOWDOWN`× (CDP Emulation.setCPUThrottlingRate): milliseconds from
 * navigation start to the first repair card on screen (rendered by React with its handlers, so it takes
 * a tap), the JavaScript bytes the load fetched (`jsBytes`, watched for `AFTER_CARD_MS` after the card;
 * `firstCardJsBytes` those asked for before it), the script requests before the card and their waves (`wavesOf`). Median
 * of `runs` loads; `scriptLoads` is the median run's scripts, in the order they were asked for.
 */
export const h5Inbox = async (runs = 5, h5Dir = join(root, 'client', 'dist', 'h5')) => {
  const desk = await signedInDesk(h5Dir);
  try {
    const { context } = desk;
    const samples: { ms: number; taskMs: number; scriptMs: number; layoutMs: number; styleMs: number; jsBytes: number; firstCardJsBytes: number; scripts: ScriptLoad[] }[] = [];
    for (let run = 0; run < runs; run++) {
      const { page, cdp } = await throttledPage(context);
      await cdp.send('Performance.enable');
      const sent = new Map<string, { url: string; at: number }>();
      const scripts = new Map<string, ScriptLoad>();
      let origin: number | null = null;
      const ms = (timestamp: number) => (timestamp - (origin ?? timestamp)) * 1000;
      cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; type?: string; request: { url: string } }) => {
        if (origin === null && e.type === 'Document') origin = e.timestamp;
        sent.set(e.requestId, { url: e.request.url, at: e.timestamp });
      });
      cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => {
        const request = sent.get(e.requestId);
        if (e.type === 'Script' && request) scripts.set(e.requestId, { file: request.url.replace(/^.*\//, ''), bytes: 0, sentMs: ms(request.at), doneMs: Infinity });
      });
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number; requestId: string; timestamp: number }) => {
        const script = scripts.get(e.requestId);
        if (script) Object.assign(script, { bytes: e.encodedDataLength, doneMs: ms(e.timestamp) });
      });
      await page.goto(desk.inboxUrl);
      const at = await firstCard(page);
      // The main thread's busy time until the card was seen (CDP Performance.getMetrics, throttled time): less moved by
      // other work on the machine than the wall time, which waits for the cores; of it, scripts, layout and style.
      const metrics = ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics;
      const busyMs = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
      // What the page goes on to load once the card is up (the wide window's detail pane) counts in the load's bytes too.
      await page.waitForTimeout(AFTER_CARD_MS);
      const all = [...scripts.values()];
      const first = all.filter((x) => x.sentMs <= at);
      samples.push({ ms: at, taskMs: busyMs('TaskDuration'), scriptMs: busyMs('ScriptDuration'), layoutMs: busyMs('LayoutDuration'), styleMs: busyMs('RecalcStyleDuration'), jsBytes: sum(all), firstCardJsBytes: sum(first), scripts: first });
      await page.close();
    }
    const middle = [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];
    return {
      ms: median(samples.map((s) => s.ms)),
      taskMs: median(samples.map((s) => s.taskMs)),
      scriptMs: median(samples.map((s) => s.scriptMs)),
      layoutMs: median(samples.map((s) => s.layoutMs)),
      styleMs: median(samples.map((s) => s.styleMs)),
      jsBytes: median(samples.map((s) => s.jsBytes)),
      firstCardJsBytes: median(samples.map((s) => s.firstCardJsBytes)),
      scripts: median(samples.map((s) => s.scripts.length)),
      waves: median(samples.map((s) => wavesOf(s.scripts))),
      samplesMs: samples.map((s) => Math.round(s.ms)),
      scriptLoads: middle?.scripts.sort((a, b) => a.sentMs - b.sentMs) ?? [],
      runs,
    };
  } finally {
    await desk.close();
  }
};
