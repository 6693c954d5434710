import type { RouteFindings } from './route-sweep';

/**
 * Issue 17: what the route sweep (route-sweep.ts) still finds on pages other engineers are rewriting now
 * (the resident's filing, booking and home, notices, rating; the technician's on-site order). Visible on purpose, never hidden: a
 * listed page's test fails when it finds anything else, and when a listed finding is gone (then take
 * it out). Keyed by `page person screen`, as the tests are named.
 */
export const KNOWN_FINDINGS: Record<string, Partial<RouteFindings>> = {
  // The tiles' titles are set in design px (56 and 44 on a 750 design), which a PC window's H5 root font turns into 30.8 and 24.2 px.
  'pages/resident/home/index 王秀英 pc': {
    sizes: ['报修 .home-tile-title 30.8px', '我的报修 .home-tile-title 30.8px', '投诉 .home-tile-title 24.2px', '我的投诉 .home-tile-title 24.2px', '预约到访 .home-tile-title 30.8px', '我的消息 .home-tile-title 30.8px'],
  },
  // The on-site order is set in design px too: its button, category and address grow with a PC window.
  'pages/technician/order/index 李建国 pc': {
    sizes: ['接单 .btn.btn-primary 24.2px', '给排水 .order-category 20.9px', '1-1-101 .order-address 22px'],
  },
};
