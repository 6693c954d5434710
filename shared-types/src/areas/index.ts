/**
 * Issue 15 (1): the registry, one line per area. The function names, the catalogue of actions, the
 * manifest's functions and collections, the notice kinds and their audience, the timer's steps, the
 * page registration and the staff homes' entries are derived from these declarations.
 */
import { sessionArea } from './session.area';
import { repairsArea } from './repairs.area';
import { callbacksArea } from './callbacks.area';
import { complaintsArea } from './complaints.area';
import { membersArea } from './members.area';
import { importsArea } from './imports.area';
import { visitsArea } from './visits.area';
import { dutyArea } from './duty.area';
import { keysArea } from './keys.area';

export const areas = [sessionArea, repairsArea, callbacksArea, complaintsArea, membersArea, importsArea, visitsArea, dutyArea, keysArea] as const;

type AreaOf = (typeof areas)[number];
type NoticesOf<A> = A extends { notices: infer N } ? keyof N & string : never;
type StepsOf<A> = A extends { timerSteps: infer S } ? keyof S & string : never;

/** The notice kinds the areas send, in the registry's order. */
export type AreaNoticeKind = NoticesOf<AreaOf>;
export const areaNoticeKinds = areas.flatMap((a) => Object.keys(a.notices)) as AreaNoticeKind[];

/** The reminders run's steps the areas' sweeps take. */
export type AreaTimerStep = StepsOf<AreaOf>;
export const areaTimerSteps = areas.flatMap((a) => Object.keys(a.timerSteps)) as AreaTimerStep[];
