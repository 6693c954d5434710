import type { Action, FunctionName } from './action';
import { areas, deployedFunctionOf, deployedFunctions, type DeployedFunction } from '../areas';

export * from './action';
export * from './errors';
export * as session from './session.contract';
export * as repairs from './repairs.contract';
export * as callbacks from './callbacks.contract';
export * as complaints from './complaints.contract';
export * as members from './members.contract';
export * as company from './company.contract';
export * as settings from './settings.contract';
export * as imports from './imports.contract';
export * as privacy from './privacy.contract';
export * as visits from './visits.contract';
export * as reception from './reception.contract';

/**
 * Every action of every function, by function: the test harnesses and the bench read this (a bundle
 * imports its own contract only). Issue 15 (1): derived from the registry, each area's actions being the
 * `<contract>Actions` export of each contract file it names; loaded in Node only, so required by name.
 */
export const catalogue = Object.fromEntries(
  areas.map((area) => [
    area.name,
    Object.assign({}, ...area.contracts.map((c) => (require(`./${c}.contract`) as Record<string, Record<string, Action>>)[`${c}Actions`])) as Record<string, Action>,
  ]),
) as Record<FunctionName, Record<string, Action>>;

/** Issue 16: the actions each deployed function answers (an area's part, or the area's own), from the registry's parts. */
export const deployedCatalogue = Object.fromEntries(
  deployedFunctions.map(({ name, area }) => [name, Object.fromEntries(Object.entries(catalogue[area]).filter(([, a]) => deployedFunctionOf(a) === name))]),
) as Record<DeployedFunction, Record<string, Action>>;
