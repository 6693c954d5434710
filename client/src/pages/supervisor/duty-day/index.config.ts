import { dutyUi } from '../../../i18n/duty.zh-CN';

export default definePageConfig({ navigationBarTitleText: dutyUi.titles.supervisorDutyDay, enablePullDownRefresh: true });
