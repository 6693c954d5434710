import type { reportsActions } from '@shared/contracts/reports.contract';
import { propertyFigures } from '@shared/domain/report.rules';
import { previousPeriod } from '@shared/time/report-period';
import { ok } from '@shared/result';
import type { Handler } from '../_shared/router';
import { readPage } from '../_shared/paging';
import { propertiesByNameSource } from '../_shared/properties';
import { readComparable } from './reads';

/** Issue 14 (3): the company's properties by name, a page at a time, each with the figures the administrator compares. */
export const compare: Handler<(typeof reportsActions)['compare']> = async (input, { deps }) => {
  const previous = previousPeriod(input.period);
  const all = propertiesByNameSource();
  const page = await readPage(deps.db, { name: 'reports.compare', sources: [all] }, input);
  const items = await Promise.all(
    page.items.map(async (p) => {
      const figures = await readComparable(deps.db, p._id, input.period, previous);
      return { propertyId: p._id, name: p.name, current: propertyFigures(figures.current), before: propertyFigures(figures.before) };
    }),
  );
  return ok({ ...page, items, period: input.period, previous });
};
