import type { Role } from '../model/member.model';
import type { Retry } from '../contracts/errors';

/** The mini-program's subpackages of pages that areas add to: one per role, under `pages/<root>`. */
export type PageRoot = 'resident' | 'technician' | 'desk' | 'supervisor' | 'admin' | 'reports';

/** The homes with a work grid (issue 17, 2), and the groups an entry sits in there. */
export type StaffHome = 'desk' | 'supervisor' | 'manager';
export type NavGroup = 'today' | 'visits' | 'figures' | 'admin' | 'front-desk';

/** The icons a work-grid entry may show (NutUI's, mapped to components in client/src/components/WorkGrid/icons.ts). */
export type NavIcon = 'List' | 'List2' | 'Link' | 'Order' | 'Eye' | 'ShieldCheck';

/** Where an entry sits on one home: at the end of a group, or before the entry of that key. */
export type NavPlace = NavGroup | { group: NavGroup; before: string };

export interface AreaPage {
  /** The name other code opens it by (`routes.<route>` in the client). */
  route: string;
  root: PageRoot;
  /** The page's folder under the root, e.g. 'keys/index'. */
  page: string;
  /** Its entry on the staff homes' work grid, if it has one: its label is a word of the area's catalogue file. */
  nav?: { key: string; icon: NavIcon; label: string; homes: Partial<Record<StaffHome, NavPlace>> };
}

/**
 * An area whose refusals are in its own catalogue file, `messages/<name>.zh-CN.ts`, as its `serverWords`
 * export: the whole catalogue (`@shared/messages`) and the function build load them by the area's name
 * (messages/area-words.ts), so neither the client nor a declaration carries them.
 */
export type ServerWords = Readonly<Record<never, never>>;

/** Declares that `messages/<name>.zh-CN.ts` exports `serverWords`, its refusals. */
export const serverWords = (): ServerWords => ({});

/**
 * Issue 15 (1): everything an area registers outside its own folders, declared once. Its cloud
 * function is `cloudfunctions/<name>/` (collections and limits in its `area.json`), its actions are
 * the `<contract>Actions` export of each `contracts/<contract>.contract.ts` named here.
 */
export interface Area {
  name: string;
  contracts: readonly string[];
  /** Notice kinds the area sends, each with who is pushed it (issue 5). */
  notices: Readonly<Record<string, readonly Role[]>>;
  /** The words of its notice kinds, from its catalogue file (the older areas' are in `messages/zh-CN.ts`). */
  noticeWords?: Readonly<Record<string, string>>;
  /** Steps of the reminders run the area's sweeps take, each with its label on the health page (a word of a catalogue file). */
  timerSteps: Readonly<Record<string, string>>;
  pages: readonly AreaPage[];
  /**
   * The error codes its actions refuse with, each with how a caller retries it (`contracts/errors.ts`):
   * the client's error contract folds them in. Their words are its catalogue file's `serverWords.refusals`.
   */
  errors?: Readonly<Record<string, Retry>>;
  serverWords?: ServerWords;
  /** The labels of its actions' input fields, from its catalogue file: the forms' checks and the router's field errors say them. */
  fieldLabels?: Readonly<Record<string, string>>;
  /**
   * Issue 16 (bundles ≤ 120 KB): cloud functions split off the area's own, each deployed on its own
   * (`cloudfunctions/<part>/`, named `<area>-<suffix>`) with the names of the actions it answers. An
   * action belongs to exactly one deployed function: a part's, or else the area's. The client sends
   * each action to its deployed function (`deployedFunctionOf`), the area's limits and collections
   * (`area.json`) hold for its parts too.
   */
  parts?: Readonly<Record<`${string}-${string}`, readonly string[]>>;
}

type Exact<A> = A extends { notices: infer N; noticeWords: infer W } ? (keyof N extends keyof W ? (keyof W extends keyof N ? A : never) : never) : A;

/** An area's declaration; its notice words, when it has them, name exactly its notice kinds. */
export const defineArea = <const A extends Area>(area: A & Exact<A>): A => area;
