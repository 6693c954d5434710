import { devLoginText } from '../../i18n/dev-login.zh-CN';

export default definePageConfig({ navigationBarTitleText: devLoginText.title });
