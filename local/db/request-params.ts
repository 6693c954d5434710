import { invalidParam } from './errors';

export type Params = Record<string, unknown>;

/** The cloud function SDK's query limits: 100 by default, never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const str = (params: Params, key: string): string => {
  const value = params[key];
  if (typeof value !== 'string' || value === '') throw invalidParam(`${key} is required`);
  return value;
};

export const optionalStr = (params: Params, key: string): string | undefined => {
  const value = params[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const num = (params: Params, key: string): number | undefined => {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export const isWhere = (params: Params): boolean => params.queryType !== 'DOC';

export const clampLimit = (limit: number | undefined): number =>
  limit === undefined || limit <= 0 ? DEFAULT_LIMIT : Math.min(Math.floor(limit), MAX_LIMIT);
