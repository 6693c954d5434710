import { technicianUi } from '../../../i18n/technician.zh-CN';

/** The native pad and stars exist only in the mini-program; H5 uses their React twins. */
const nativeComponents =
  process.env.TARO_ENV === 'weapp'
    ? { usingComponents: { 'signature-pad': '../../../native/signature-pad/index', 'star-rating': '../../../native/star-rating/index' } }
    : {};

export default definePageConfig({ navigationBarTitleText: technicianUi.onSite.title, enablePullDownRefresh: true, ...nativeComponents });
