import type * as c from '@shared/contracts/company.contract';
import { ok } from '@shared/result';
import type { PropertyDoc } from '@shared/model/property.model';
import type { Database } from '../_shared/database';
import type { Handler } from '../_shared/router';
import { isStale, readHeartbeat } from '../_shared/heartbeat';
import { activeMembers } from '../_shared/membership';
import { deadNoticeCount } from '../_shared/outbox';
import { readPage } from '../_shared/paging';
import { findCompany } from '../_shared/environment';
import { propertiesByNameSource } from '../_shared/properties';
import { toPropertyView } from './property-views';

/** Issue 14 (1): the company's name and the timer every property relies on. */
export const company: Handler<typeof c.company> = async (_input, { deps, now }) => {
  const [doc, beat] = await Promise.all([findCompany(deps.db), readHeartbeat(deps)]);
  return ok({
    name: doc?.name ?? '',
    timer: { lastRunAt: beat?.lastRunAt ?? null, stale: isStale(beat, now), failedSteps: beat?.failedSteps.map((f) => f.step) ?? [] },
  });
};

/** What is piling up in one property: its managers, its dead notices, its flagged registers still unsigned (C6). */
const healthOf = async (db: Database, property: PropertyDoc): Promise<c.PropertyHealth> => {
  const _ = db.command;
  const [managers, dead, unsigned] = await Promise.all([
    activeMembers(db, property._id, 'manager'),
    deadNoticeCount(db, property._id),
    db.collection('complaintRegisters').where({ propertyId: property._id, signedBy: null, flaggedAt: _.neq(null) }).count(),
  ]);
  return {
    ...toPropertyView(property),
    managers: managers.map((m) => ({ memberId: m._id, name: m.name })),
    deadLetters: dead,
    unsignedRegisters: unsigned.total,
  };
};

/** Issue 14 (1): every property of the company, by name, each with its health. */
export const properties: Handler<typeof c.properties> = async (input, { deps }) => {
  const all = propertiesByNameSource();
  const page = await readPage(deps.db, { name: 'members.properties', sources: [all] }, input);
  return ok({ ...page, items: await Promise.all(page.items.map((p) => healthOf(deps.db, p))) });
};
