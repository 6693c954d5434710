/**
 * Text of the local sign-in page. Kept apart from ui.zh-CN.ts because that page exists only in
 * H5 builds for the local runtime: none of these words may reach the WeChat package.
 */
export const devLoginText = {
  title: '选择演示身份',
  hint: '本地演示环境：请选择一位演示用户进入。',
  enterAs: '以 {label}身份进入',
  loadFailed: '没有读到演示用户，请确认本地服务已经启动。',
} as const;
