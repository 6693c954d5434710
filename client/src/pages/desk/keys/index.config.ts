import { keysUi } from '../../../i18n/keys.zh-CN';

export default definePageConfig({ navigationBarTitleText: keysUi.title, enablePullDownRefresh: true });
