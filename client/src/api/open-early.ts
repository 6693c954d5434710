/**
 * Taro resolves `./open-early` to `open-early.weapp.ts` or `open-early.h5.ts` per build target. Tools
 * that do not know that convention (tsc, jest) land here and get the H5 one.
 */
export { openEarly } from './open-early.h5';
