/**
 * The whole catalogue as the functions read it, each group its own export. A function imports it as a
 * namespace (`import * as messages from '@shared/messages/words'`) and reads `messages.<group>.<key>`:
 * esbuild then keeps only the groups that function reads, where the one `messages` object of
 * `@shared/messages` brings every group into every bundle (issue 16). `messages` is made of these same
 * groups.
 */
export { refusals as errors } from './refusals.zh-CN';
export { fieldLabels as fields, fieldProblems } from './labels.zh-CN';
export { keysTexts as keys } from './keys.zh-CN';
export { filesTexts as files } from './files.zh-CN';
// Every group of zh-CN.ts and function-words.zh-CN.ts (and their composites, `zhCN` and `functionWords`, which no function reads).
export * from './zh-CN';
export * from './function-words.zh-CN';
