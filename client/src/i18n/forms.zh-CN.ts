/** The print action's words (issue 19, 4: the seed's paper forms as Excel files), kept beside the forms area. */
export const formsUi = {
  print: '打印',
  printing: '正在生成打印文件…',
  failed: '打印文件没有打开，请稍后再试',
  ready: '已生成 {name}，请在 WPS 或 Excel 中打印',
} as const;
