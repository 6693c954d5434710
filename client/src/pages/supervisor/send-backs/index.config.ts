import { ui } from '../../../i18n/ui.zh-CN';

/** The signature pad is a native component in the mini-program; H5 uses its React twin. */
const nativeComponents = process.env.TARO_ENV === 'weapp' ? { usingComponents: { 'signature-pad': '../../../native/signature-pad/index' } } : {};

export default definePageConfig({ navigationBarTitleText: ui.titles.supervisorSendBacks, enablePullDownRefresh: true, ...nativeComponents });
