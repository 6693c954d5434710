import * as z from 'zod/mini';
import { defineModel, isoInstant } from './versioned';

export const COMPANY_DOC_ID = 'company';

/**
 * Issue 14: the property-management company the environment serves: one per environment, made by
 * the bootstrap (or, for an environment older than companies, by the timer's upgrade step). Its
 * administrators are members in `COMPANY_SCOPE`.
 */
export const CompanyDoc = z.object({
  _id: z.literal(COMPANY_DOC_ID),
  schemaVersion: z.literal(1),
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  createdAt: isoInstant,
});
export type CompanyDoc = z.infer<typeof CompanyDoc>;
export const companyModel = defineModel({ collection: 'environment', version: 1, schema: CompanyDoc });
