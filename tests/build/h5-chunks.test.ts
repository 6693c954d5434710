/**
 * Issue 16 (H5): what the desk's inbox loads, read from the H5 build `npm test` has already made
 * (client/dist/h5). Counts, not times: the time is the bench's (bench/h5-inbox.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const js = join(resolve(__dirname, '..', '..'), 'client', 'dist', 'h5', 'js');

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
