/**
 * Taro resolves `./open-xlsx` to `open-xlsx.weapp.ts` or `open-xlsx.h5.ts` per build target, so the
 * helper is carried only by the pages that open a linked file; tsc and jest land here and get the H5 one.
 */
export { downloadXlsx, openXlsx } from './open-xlsx.h5';
