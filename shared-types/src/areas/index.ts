/**
 * Issue 15 (1): the registry, one line per area. The function names, the catalogue of actions, the
 * manifest's functions and collections, the notice kinds with their audience and words, the timer's
 * steps, the page registration, the staff homes' entries with their icons, the error codes with their
 * retry classes (contracts/errors.ts), the field labels, and the areas whose refusals the whole catalogue
 * loads by name (messages/area-words.ts) are derived from these declarations.
 */
import type { Retry } from '../contracts/errors';
import type { AreaPage, PageRoot } from './area';
import { sessionArea } from './session.area';
import { repairsArea } from './repairs.area';
import { callbacksArea } from './callbacks.area';
import { complaintsArea } from './complaints.area';
import { membersArea } from './members.area';
import { importsArea } from './imports.area';
import { visitsArea } from './visits.area';
import { dutyArea } from './duty.area';
import { keysArea } from './keys.area';
import { filesArea } from './files.area';
import { reportsArea } from './reports.area';
import { formsArea } from './forms.area';

export const areas = [sessionArea, repairsArea, callbacksArea, complaintsArea, membersArea, importsArea, visitsArea, dutyArea, keysArea, filesArea, reportsArea, formsArea] as const;

type AreaOf = (typeof areas)[number];
type NoticesOf<A> = A extends { notices: infer N } ? keyof N & string : never;
type StepsOf<A> = A extends { timerSteps: infer S } ? keyof S & string : never;

/** The notice kinds the areas send, in the registry's order. */
export type AreaNoticeKind = NoticesOf<AreaOf>;
export const areaNoticeKinds = areas.flatMap((a) => Object.keys(a.notices)) as AreaNoticeKind[];

/** The reminders run's steps the areas' sweeps take. */
export type AreaTimerStep = StepsOf<AreaOf>;
export const areaTimerSteps = areas.flatMap((a) => Object.keys(a.timerSteps)) as AreaTimerStep[];

type RoutesOf<A> = A extends { pages: readonly (infer P)[] } ? (P extends { route: infer R } ? R & string : never) : never;

/** The names the client opens the areas' pages by. */
export type AreaRoute = RoutesOf<AreaOf>;

/** Every page an area declares, with its path from the app's root. */
export const areaPages: (AreaPage & { area: string; path: string })[] = areas.flatMap((a) => a.pages.map((p: AreaPage) => ({ ...p, area: a.name, path: `/pages/${p.root}/${p.page}` })));

/** The pages the areas add to one subpackage (app.config derives its registration from this). */
export const areaPagesIn = (root: PageRoot): string[] => areaPages.filter((p) => p.root === root).map((p) => p.page);

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type NoticeWordsOf<A> = A extends { noticeWords: infer W } ? W : Record<never, never>;
type CodesOf<A> = A extends { errors: infer E } ? keyof E & string : never;
type FieldLabelsOf<A> = A extends { fieldLabels: infer L } ? L : Record<never, never>;

/** The words of the notice kinds the areas declare with their own words (messages/zh-CN.ts folds them into `notices`). */
export const areaNoticeWords = Object.assign({}, ...areas.map((a: AreaOf) => ('noticeWords' in a ? a.noticeWords : {}))) as Intersection<NoticeWordsOf<AreaOf>>;

/** The error codes the areas declare, each with how a caller retries it (contracts/errors.ts folds them in). */
export type AreaErrorCode = CodesOf<AreaOf>;
export const areaErrorRetry = Object.assign({}, ...areas.map((a: AreaOf) => ('errors' in a ? a.errors : {}))) as Readonly<Record<AreaErrorCode, Retry>>;

/** The labels of the areas' input fields their declarations bring (messages/labels.zh-CN.ts folds them in). */
export const areaFieldLabels = Object.assign({}, ...areas.map((a: AreaOf) => ('fieldLabels' in a ? a.fieldLabels : {}))) as Intersection<FieldLabelsOf<AreaOf>>;

/** The areas whose refusals are their own catalogue file's `serverWords`. */
export const areasWithServerWords: readonly string[] = areas.filter((a: AreaOf) => 'serverWords' in a).map((a) => a.name);

type PartsOf<A> = A extends { parts: infer P } ? keyof P & string : never;

/** Issue 16: the cloud functions deployed, in the registry's order: each area's own, then its parts. */
export type DeployedFunction = AreaOf['name'] | PartsOf<AreaOf>;
export const deployedFunctions: readonly { name: DeployedFunction; area: AreaOf['name'] }[] = areas.flatMap((a: AreaOf) => [
  { name: a.name as DeployedFunction, area: a.name },
  ...Object.keys('parts' in a ? a.parts : {}).map((part) => ({ name: part as DeployedFunction, area: a.name })),
]);

const partOf: Readonly<Record<string, DeployedFunction>> = Object.fromEntries(
  areas.flatMap((a: AreaOf) => Object.entries('parts' in a ? (a.parts as Record<string, readonly string[]>) : {}).flatMap(([part, names]) => names.map((name) => [`${a.name}.${name}`, part]))),
) as Record<string, DeployedFunction>;

/** The deployed function that answers the action `name` of the area `fn`: the part that names it, or the area's own. */
export const deployedFunctionOf = ({ fn, name }: { fn: AreaOf['name']; name: string }): DeployedFunction => partOf[`${fn}.${name}`] ?? fn;
