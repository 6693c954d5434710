/**
 * The whole catalogue as the functions read it, each group its own export. A function imports it as a
 * namespace (`import * as messages from '@shared/messages/words'`) and reads `messages.<group>.<key>`:
 * esbuild then keeps only the groups that function reads, where the one `messages` object of
 * `@shared/messages` brings every group into every bundle (issue 16). `messages` is made of these same
 * groups. An area with its own catalogue file (keys, files, duty, reports) is read by its function from
 * that file (`@shared/messages/<area>.zh-CN`), which no other bundle imports.
 */
export { refusals as errors } from './refusals.zh-CN';
export { fieldLabels as fields, fieldProblems } from './labels.zh-CN';
// Every group of zh-CN.ts and function-words.zh-CN.ts (and their composites, `zhCN` and `functionWords`, which no function reads).
export * from './zh-CN';
export * from './function-words.zh-CN';
