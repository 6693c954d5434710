/**
 * A small main package (the landing page that routes by role, and lets staff join by invitation),
 * one subpackage per role, one for residents asking to bind a room, and one for everyone's inbox.
 * The local sign-in page exists only in H5 builds, which run against the local runtime.
 * The technician's subpackage is preloaded from the landing page, so it is there when he has no signal.
 * Each role's subpackage lists its own pages, then those the registry's areas declare for it (issue 15, 1).
 */
import { areaPagesIn } from '@shared/areas';
import { ui } from './i18n/ui.zh-CN';

const localOnly = process.env.TARO_ENV === 'h5' ? ['pages/dev-login/index'] : [];

export default defineAppConfig({
  pages: ['pages/index/index', ...localOnly],
  subPackages: [
    {
      root: 'pages/resident',
      pages: ['home/index', 'repair-new/index', 'repairs/index', 'repair/index', 'complaint-new/index', 'complaints/index', 'complaint/index', 'my-data/index', 'bookings/index', ...areaPagesIn('resident')],
    },
    { root: 'pages/technician', pages: ['orders/index', 'order/index', ...areaPagesIn('technician')] },
    {
      root: 'pages/desk',
      pages: ['inbox/index', 'repair/index', 'register/index', 'callbacks/index', 'complaints/index', 'complaint/index', 'complaint-register/index', 'bindings/index', 'bookings/index', 'reception/index', 'group-visits/index', ...areaPagesIn('desk')],
    },
    {
      root: 'pages/supervisor',
      pages: [
        'home/index',
        'scorecards/index',
        'send-backs/index',
        'complaint-register/index',
        'complaint-figures/index',
        'members/index',
        'import/index',
        'settings/index',
        'erasures/index',
        'health/index',
        'callback-figures/index',
        ...areaPagesIn('supervisor'),
      ],
    },
    /** Reports with their charts (issue 17, 2) and the administrator's comparison (issue 14, 3): uCharts is carried here alone. */
    { root: 'pages/reports', pages: areaPagesIn('reports') },
    /** The company's administrator (issue 14). */
    { root: 'pages/admin', pages: ['company/index', ...areaPagesIn('admin')] },
    /** Every role's inbox (issue 5): one small page, kept out of the main package. */
    { root: 'pages/inbox', pages: ['index'] },
    /** Someone new asks to be bound to a room; kept out of the main package. */
    { root: 'pages/join', pages: ['bind/index'] },
  ],
  /** A technician in a basement opens the app without signal: his pages are already on the phone. */
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/technician'] },
  },
  /**
   * WeChat asks for consent before the first camera, album, clipboard or chosen-file call; the app's
   * own dialog (components/PrivacyConsent) answers it. On by default since September 2023; kept
   * explicit for older base libraries.
   */
  __usePrivacyCheck__: true,
  /**
   * The desk runs the mini-program in PC WeChat (issue 17, 2): large-screen mode, a bigger default window
   * the user may stretch (base library 2.21.3; "启用大屏模式",
   * https://developers.weixin.qq.com/miniprogram/dev/framework/view/resizable.html). Pages then lay
   * out by width with media queries (theme/theme.css, 768 px and up).
   */
  resizable: true,
  window: {
    backgroundColor: '#f7f7f7',
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: ui.titles.app,
    navigationBarTextStyle: 'black',
  },
});
