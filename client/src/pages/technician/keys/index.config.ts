import { keysUi } from '../../../i18n/keys.zh-CN';

export default definePageConfig({ navigationBarTitleText: keysUi.mine.title, enablePullDownRefresh: true });
