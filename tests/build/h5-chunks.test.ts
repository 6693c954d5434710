/**
 * Issue 16 (H5): what the desk's inbox loads, read from the H5 build `npm test` has already made
 * (client/dist/h5). Counts, not times: the time is the bench's (bench/h5-inbox.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const h5 = join(resolve(__dirname, '..', '..'), 'client', 'dist', 'h5');
const js = join(h5, 'js');

const scripts = () => {
  if (!existsSync(js)) throw new Error(`${js} is missing: run \`npm run build:h5\` before these tests`);
  return readdirSync(js).filter((name) => name.endsWith('.js'));
};

describe('issue 16: the H5 build keeps what a page does not show out of its load', () => {
  it("the swiper library (Taro's H5 image viewer, 190 KB) is only in its own chunk, preview-image, asked for when a photo is tapped", () => {
    const carrying = scripts().filter((name) => /swiper-slide|swiper-zoom-container/.test(readFileSync(join(js, name), 'utf8')));
    expect(carrying.map((name) => name.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['preview-image']);
  });
});

interface Added {
  tag: string;
  src?: string;
  href?: string;
  rel?: string;
}

/** Runs one of index.html's inline scripts on a page opened at `hash`: what it added to the head. */
const run = (code: string, hash: string): Added[] => {
  const added: Added[] = [];
  const document = { createElement: (tag: string): Added => ({ tag }), head: { appendChild: (element: Added) => added.push(element) } };
  new Function('document', 'location', code)(document, { hash });
  return added;
};

describe('issue 16: an H5 load opening on the desk inbox asks for its chunks beside app.js', () => {
  it("index.html adds the inbox page's scripts above app.js and its stylesheets below the app's, the ones the router would load, only for that route", () => {
    const html = readFileSync(join(h5, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script>(!function\(f\)[\s\S]*?)<\/script>/g)];
    expect(inline).toHaveLength(2);
    const [scriptsTag, stylesTag] = inline as [RegExpMatchArray, RegExpMatchArray];
    expect(scriptsTag.index).toBeLessThan(html.indexOf('<script defer'));
    expect(stylesTag.index).toBeGreaterThan(html.search(/<link href="\.\/css\/app\.[^"]+" rel="stylesheet">/));

    const inbox = '#/pages/desk/inbox/index';
    const scriptsAdded = run(scriptsTag[1]!, inbox);
    const stylesAdded = run(stylesTag[1]!, `${inbox}?from=test`);
    expect(scriptsAdded.every((e) => e.tag === 'script' && existsSync(join(h5, e.src ?? '')))).toBe(true);
    expect(stylesAdded.every((e) => e.tag === 'link' && e.rel === 'stylesheet' && existsSync(join(h5, e.href ?? '')))).toBe(true);
    expect(run(scriptsTag[1]!, '#/pages/desk/repair/index?id=x')).toEqual([]);
    expect(run(stylesTag[1]!, '')).toEqual([]);

    // The chunks app.js's router loads for the inbox (webpack's `t.e(<id>)` in its route table), each asked for ahead.
    const app = readFileSync(join(js, scripts().find((name) => name.startsWith('app.'))!), 'utf8');
    // Keys quoted or not: terser's `quote_keys` is off for H5 (client/config/index.ts).
    const route = app.match(/"?path"?:"pages\/desk\/inbox\/index","?load"?:function\([^)]*\)\{return\[Promise\.all\(\[([^\]]*)\]/);
    const routerChunks = [...(route?.[1] ?? '').matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]).sort();
    expect(routerChunks.length).toBeGreaterThan(5);
    expect(scriptsAdded.map((e) => (e.src ?? '').replace(/^.*\/(\d+)\.[0-9a-f]{8}\.js$/, '$1')).sort()).toEqual(routerChunks);
  });
});

describe('issue 16: the scripts an H5 load runs at once are compiled as they stream in', () => {
  it("app.js, the scripts index.html loads with it and the inbox's chunks start with V8's compile hint; a lazy chunk (preview-image) does not", () => {
    const hinted = (name: string) => readFileSync(join(js, name), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n');
    const html = readFileSync(join(h5, 'index.html'), 'utf8');
    const entry = [...html.matchAll(/<script defer="defer" src="\.\/js\/([^"]+)"/g)].map((m) => m[1]!);
    expect(entry.some((name) => name.startsWith('app.'))).toBe(true);
    const [scriptsTag] = [...html.matchAll(/<script>(!function\(f\)[\s\S]*?)<\/script>/g)] as RegExpMatchArray[];
    const inbox = run(scriptsTag![1]!, '#/pages/desk/inbox/index').map((e) => (e.src ?? '').replace(/^.*\//, ''));
    expect(inbox.length).toBeGreaterThan(5);
    expect([...entry, ...inbox].filter((name) => !hinted(name))).toEqual([]);
    expect(scripts().filter((name) => name.startsWith('preview-image.')).map(hinted)).toEqual([false]);
  });
});
