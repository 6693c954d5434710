import { ui } from '../../../i18n/ui.zh-CN';

/** The rating stars are a native component in the mini-program; H5 uses their React twin. */
const nativeComponents = process.env.TARO_ENV === 'weapp' ? { usingComponents: { 'star-rating': '../../../native/star-rating/index' } } : {};

export default definePageConfig({ navigationBarTitleText: ui.titles.complaintDetail, enablePullDownRefresh: true, ...nativeComponents });
