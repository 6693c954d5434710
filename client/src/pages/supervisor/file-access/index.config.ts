import { filesUi } from '../../../i18n/files.zh-CN';

export default definePageConfig({ navigationBarTitleText: filesUi.accessTitle, enablePullDownRefresh: true });
