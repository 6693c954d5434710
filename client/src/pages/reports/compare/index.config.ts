import { reportsUi } from '../../../i18n/reports.zh-CN';

export default definePageConfig({ navigationBarTitleText: reportsUi.titles.compare, enablePullDownRefresh: true });
