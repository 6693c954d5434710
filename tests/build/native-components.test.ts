/** @jest-environment jsdom */
/**
 * The native WeChat custom components the technician's page uses (issue 3 point 10): the signature
 * pad and the star rating, run from their sources in miniprogram-simulate, and found in the weapp
 * build where the order page's json points.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isSignature } from '@shared/domain/signature.rules';

const root = resolve(__dirname, '..', '..');
const native = join(root, 'client', 'src', 'native');
const weapp = join(root, 'client', 'dist', 'weapp');

/** The parts of miniprogram-simulate and j-component these tests use (the package ships loose types). */
interface SimNode {
  dom: HTMLElement;
  data: Record<string, unknown>;
  instance: Record<string, unknown> & { attachCanvas: (canvas: object, width: number, height: number) => void };
  querySelector: (selector: string) => SimNode | null;
  querySelectorAll: (selector: string) => SimNode[];
  dispatchEvent: (event: string, detail?: object) => void;
  addEventListener: (event: string, handler: (e: { detail: unknown }) => void) => void;
  attach: (parent: Element) => void;
}
interface Simulate {
  load: (path: string, options: { rootPath: string }) => string;
  render: (id: string, properties?: object) => SimNode;
  sleep: (ms: number) => Promise<void>;
}

let simulate: Simulate;
let wx: { canvasToTempFilePath: (options: { canvas: object; success: (res: { tempFilePath: string }) => void }) => void };

beforeAll(() => {
  // Required, not imported: the simulator registers its globals on require
  simulate = require('miniprogram-simulate') as Simulate;
  wx = (globalThis as unknown as { wx: typeof wx }).wx;
});

/**
 * Each component is loaded once (jest keeps its own module registry, so a second load would not run
 * its js) and rendered afresh per test; one root, so WeChat's wxml compiler runs once for both.
 */
const loaded = new Map<string, string>();
const mount = (name: string, properties: object) => {
  const id = loaded.get(name) ?? simulate.load(join(native, name, 'index'), { rootPath: native });
  loaded.set(name, id);
  const comp = simulate.render(id, properties);
  comp.attach(document.createElement('parent-wrapper'));
  const events: Record<string, unknown[]> = {};
  for (const event of ['change', 'image']) comp.addEventListener(event, (e) => (events[event] ??= []).push(e.detail));
  return { comp, events };
};

/** A finger on the pad: canvas touches carry x/y in canvas pixels. */
const stroke = async (pad: SimNode, points: Array<[number, number]>) => {
  const at = ([x, y]: [number, number]) => ({ touches: [{ x, y }], changedTouches: [{ x, y }] });
  const [first, ...rest] = points;
  if (first) pad.dispatchEvent('touchstart', at(first));
  for (const p of rest) pad.dispatchEvent('touchmove', at(p));
  pad.dispatchEvent('touchend', { touches: [], changedTouches: [{ x: 0, y: 0 }] });
  await simulate.sleep(10);
};

describe('native signature-pad', () => {
  it('sends each stroke as plain data, [[{x, y}]], with change', async () => {
    const { comp, events } = mount('signature-pad', { hint: '请在框内签名', redo: '重写' });
    const pad = comp.querySelector('#pad') as SimNode;
    expect(comp.querySelector('.pad-hint')?.dom.textContent).toBe('请在框内签名');

    await stroke(pad, [[10, 40], [60, 20], [120, 50]]);
    await stroke(pad, [[30, 80], [90, 80]]);

    expect(events.change).toEqual([
      { strokes: [[{ x: 10, y: 40 }, { x: 60, y: 20 }, { x: 120, y: 50 }]] },
      {
        strokes: [
          [{ x: 10, y: 40 }, { x: 60, y: 20 }, { x: 120, y: 50 }],
          [{ x: 30, y: 80 }, { x: 90, y: 80 }],
        ],
      },
    ]);
    expect(isSignature((events.change?.[1] as { strokes: Array<Array<{ x: number; y: number }>> }).strokes)).toBe(true);
    expect(comp.querySelector('.pad-hint')).toBeFalsy();
  });

  it('a tap is a stroke of one point, too little ink for a signature', async () => {
    const { comp, events } = mount('signature-pad', {});
    await stroke(comp.querySelector('#pad') as SimNode, [[50, 50]]);
    const { strokes } = events.change?.[0] as { strokes: Array<Array<{ x: number; y: number }>> };
    expect(strokes).toEqual([[{ x: 50, y: 50 }]]);
    expect(isSignature(strokes)).toBe(false);
  });

  it('重写 clears the strokes and says so with change []', async () => {
    const { comp, events } = mount('signature-pad', { hint: '请在框内签名', redo: '重写' });
    await stroke(comp.querySelector('#pad') as SimNode, [[10, 40], [160, 40]]);
    const clear = comp.querySelector('.pad-clear') as SimNode;
    expect(clear.dom.textContent).toBe('重写');

    clear.dispatchEvent('tap');
    await simulate.sleep(10);

    expect(events.change?.at(-1)).toEqual({ strokes: [] });
    expect(comp.querySelector('.pad-hint')).toBeTruthy();
    await stroke(comp.querySelector('#pad') as SimNode, [[5, 5], [50, 5]]);
    expect(events.change?.at(-1)).toEqual({ strokes: [[{ x: 5, y: 5 }, { x: 50, y: 5 }]] });
  });

  it('draws on the 2D canvas WeChat hands it and exports the picture with wx.canvasToTempFilePath', async () => {
    const drawn: string[] = [];
    const ctx = {
      scale: () => undefined,
      beginPath: () => undefined,
      moveTo: (x: number, y: number) => void drawn.push(`M${x},${y}`),
      lineTo: (x: number, y: number) => void drawn.push(`L${x},${y}`),
      stroke: () => undefined,
      clearRect: () => void drawn.push('clear'),
    };
    const canvas = { width: 0, height: 0, getContext: () => ctx };
    const exported: object[] = [];
    const spy = jest.spyOn(wx, 'canvasToTempFilePath').mockImplementation((options) => {
      exported.push(options.canvas);
      options.success({ tempFilePath: 'wxfile://tmp/signature.png' });
    });
    const { comp, events } = mount('signature-pad', {});
    comp.instance.attachCanvas(canvas, 300, 150);
    expect(canvas.width).toBeGreaterThanOrEqual(300);

    await stroke(comp.querySelector('#pad') as SimNode, [[10, 40], [60, 20]]);

    expect(drawn).toEqual(expect.arrayContaining(['M10,40', 'L60,20']));
    expect(exported).toEqual([canvas]);
    expect(events.image).toEqual([{ tempFilePath: 'wxfile://tmp/signature.png', count: 1 }]);

    (comp.querySelector('.pad-clear') as SimNode).dispatchEvent('tap');
    await simulate.sleep(10);
    expect(drawn.at(-1)).toBe('clear');
    spy.mockRestore();
  });
});

describe('native star-rating', () => {
  it('five big stars; a tap sends change with 1–5 and lights that many', async () => {
    const { comp, events } = mount('star-rating', { value: 0 });
    expect(comp.querySelectorAll('.star')).toHaveLength(5);
    expect(comp.querySelectorAll('.star-on')).toHaveLength(0);

    (comp.querySelector('.star-4') as SimNode).dispatchEvent('tap');
    await simulate.sleep(10);
    expect(events.change).toEqual([{ value: 4 }]);
    expect(comp.querySelectorAll('.star-on')).toHaveLength(4);

    (comp.querySelector('.star-1') as SimNode).dispatchEvent('tap');
    await simulate.sleep(10);
    expect(events.change).toEqual([{ value: 4 }, { value: 1 }]);
    expect(comp.querySelectorAll('.star-on')).toHaveLength(1);
  });

  it('shows the value it is given', () => {
    const { comp } = mount('star-rating', { value: 3 });
    expect(comp.querySelectorAll('.star-on')).toHaveLength(3);
  });
});

describe('the weapp build', () => {
  beforeAll(() => {
    if (existsSync(join(weapp, 'app.json'))) return;
    execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
      cwd: join(root, 'client'),
      stdio: 'pipe',
      timeout: 240_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }, 300_000);

  it('carries both native components, and the order page\'s json points at them', () => {
    const page = JSON.parse(readFileSync(join(weapp, 'pages', 'technician', 'order', 'index.json'), 'utf8')) as {
      usingComponents: Record<string, string>;
    };
    for (const name of ['signature-pad', 'star-rating']) {
      const target = page.usingComponents[name];
      expect(target).toBeDefined();
      const base = resolve(weapp, 'pages', 'technician', 'order', target ?? '');
      for (const ext of ['.js', '.json', '.wxml', '.wxss']) expect(existsSync(`${base}${ext}`)).toBe(true);
      expect(JSON.parse(readFileSync(`${base}.json`, 'utf8'))).toMatchObject({ component: true });
    }
  });
});
