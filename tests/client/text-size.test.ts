import { textScale, textScaleClass } from '../../client/src/theme/text-size';

/** Issue 18, 1: the size a page is drawn at, from WeChat's font size and the in-app 大字 choice. */
describe('text size', () => {
  it.each([
    [undefined, 'standard', 1],
    [undefined, 'large', 1.5],
    [undefined, 'larger', 2],
    [1, 'standard', 1],
    [1.12, 'standard', 1],
    [1.3, 'standard', 1.25],
    [1.4, 'standard', 1.5],
    [1.6, 'large', 1.5],
    [1.9, 'standard', 2],
    [3.2, 'standard', 2],
    [2, 'large', 2],
    [1.25, 'larger', 2],
    [Number.NaN, 'standard', 1],
    [0, 'large', 1.5],
  ] as const)('WeChat factor %p with 大字 %p draws at %p', (factor, choice, scale) => {
    expect(textScale(factor, choice)).toBe(scale);
  });

  it.each([
    [1, ''],
    [1.25, 'text-scale-125 text-large'],
    [1.5, 'text-scale-150 text-large'],
    [2, 'text-scale-200 text-large'],
  ])('scale %p gives the page root %p', (scale, classes) => {
    expect(textScaleClass(scale)).toBe(classes);
  });
});
