/**
 * A small main package (the landing page that routes by role) and one subpackage per role.
 * The local sign-in page exists only in H5 builds, which run against the local runtime.
 */
import { ui } from './i18n/ui.zh-CN';

const localOnly = process.env.TARO_ENV === 'h5' ? ['pages/dev-login/index'] : [];

export default defineAppConfig({
  pages: ['pages/index/index', ...localOnly],
  subPackages: [
    { root: 'pages/resident', pages: ['home/index', 'repair-new/index', 'repairs/index', 'repair/index'] },
    { root: 'pages/technician', pages: ['orders/index'] },
    { root: 'pages/desk', pages: ['inbox/index', 'repair/index'] },
  ],
  window: {
    backgroundColor: '#f7f7f7',
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: ui.titles.app,
    navigationBarTextStyle: 'black',
  },
});
