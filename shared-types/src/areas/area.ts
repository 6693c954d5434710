import type { Role } from '../model/member.model';
import type { zhCN } from '../messages/zh-CN';

/** The mini-program's subpackages of pages that areas add to: one per role, under `pages/<root>`. */
export type PageRoot = 'resident' | 'technician' | 'desk' | 'supervisor' | 'admin' | 'reports';

/** The homes with a work grid (issue 17, 2), and the groups an entry sits in there. */
export type StaffHome = 'desk' | 'supervisor' | 'manager';
export type NavGroup = 'today' | 'visits' | 'figures' | 'admin' | 'front-desk';

/** The icons a work-grid entry may show (NutUI's, mapped to components in client/src/components/WorkGrid/icons.ts). */
export type NavIcon = 'List' | 'Link' | 'Order' | 'Eye' | 'ShieldCheck' | 'Category';

/** Where an entry sits on one home: at the end of a group, or before the entry of that key. */
export type NavPlace = NavGroup | { group: NavGroup; before: string };

/** A words lookup in the shared catalogue, so a declaration names no text of its own. */
export type Words = (m: typeof zhCN) => string;

export interface AreaPage {
  /** The name other code opens it by (`routes.<route>` in the client). */
  route: string;
  root: PageRoot;
  /** The page's folder under the root, e.g. 'keys/index'. */
  page: string;
  /** Its entry on the staff homes' work grid, if it has one. */
  nav?: { key: string; icon: NavIcon; label: Words; homes: Partial<Record<StaffHome, NavPlace>> };
}

/**
 * Issue 15 (1): everything an area registers outside its own folders, declared once. Its cloud
 * function is `cloudfunctions/<name>/` (collections and limits in its `area.json`), its actions are
 * the `<contract>Actions` export of each `contracts/<contract>.contract.ts` named here.
 */
export interface Area {
  name: string;
  contracts: readonly string[];
  /** Notice kinds the area sends, each with who is pushed it (issue 5); their words in `messages.notices`. */
  notices: Readonly<Record<string, readonly Role[]>>;
  /** Steps of the reminders run the area's sweeps take, each with its label on the health page. */
  timerSteps: Readonly<Record<string, Words>>;
  pages: readonly AreaPage[];
}

export const defineArea = <const A extends Area>(area: A): A => area;
