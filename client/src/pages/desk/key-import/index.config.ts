import { ui } from '../../../i18n/ui.zh-CN';

export default definePageConfig({ navigationBarTitleText: ui.titles.deskKeyImport });
