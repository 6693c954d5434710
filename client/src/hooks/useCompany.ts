import * as company from '@shared/contracts/company.contract';
import { useAction } from './useAction';
import { usePagedAction } from './usePagedAction';

export type PropertyHealth = company.PropertyHealth;

/** Issue 14: the company's name and its timer. */
export const useCompany = () => useAction(company.company, {});

/** Issue 14: every property of the company with its health, by name. */
export const useProperties = () => usePagedAction(company.properties, {});
