/**
 * The staff homes' entry of the reports area and its timer step (its declaration names them). A file of
 * their own: the declaration rides in the weapp main package, and reports.zh-CN.ts imported there would
 * bring the reports pages' words with it.
 */
export const reportsEntry = { link: '统计报表', timerStep: '过期报表文件清理' } as const;
