import { ui } from '../../../i18n/ui.zh-CN';

/** B2: the resident signs a home visit's record on the native pad in the mini-program; H5 uses its React twin. */
const nativeComponents = process.env.TARO_ENV === 'weapp' ? { usingComponents: { 'signature-pad': '../../../native/signature-pad/index' } } : {};

export default definePageConfig({ navigationBarTitleText: ui.titles.deskCallbacks, enablePullDownRefresh: true, ...nativeComponents });
