/**
 * Taro resolves `./platform` to `platform.weapp.ts` or `platform.h5.ts` per build target. Tools
 * that do not know that convention (tsc, jest) land here and get the H5 one.
 */
export { platform } from './platform.h5';
