import type * as z from 'zod/mini';
import type { reportsActions } from '@shared/contracts/reports.contract';
import { propertyFigures } from '@shared/domain/report.rules';
import { previousPeriod } from '@shared/time/report-period';
import { ok } from '@shared/result';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { readPage } from '../_shared/paging';
import { propertiesByNameSource } from '../_shared/properties';
import { readComparable } from './reads';

type Compare = (typeof reportsActions)['compare'];

/** The page of properties needs only the input (its cursor): read with the administrator's membership (issue 16). */
const propertiesPage = (input: z.infer<Compare['input']>, deps: Pick<Deps, 'db'>) => readPage(deps.db, { name: 'reports.compare', sources: [propertiesByNameSource()] }, input);

/**
 * Issue 14 (3): the company's properties by name, a page at a time, each with the figures the
 * administrator compares. Two waits (issue 16): the membership with the page, then every property's
 * figures side by side.
 */
export const compare: Handler<Compare> = withPrefetch<Compare, Awaited<ReturnType<typeof propertiesPage>>>(propertiesPage, async (input, { deps }, page) => {
  const previous = previousPeriod(input.period);
  const items = await Promise.all(
    page.items.map(async (p) => {
      const figures = await readComparable(deps.db, p._id, input.period, previous);
      return { propertyId: p._id, name: p.name, current: propertyFigures(figures.current), before: propertyFigures(figures.before) };
    }),
  );
  return ok({ ...page, items, period: input.period, previous });
});
