import type * as z from 'zod/mini';
import type * as c from '@shared/contracts/company.contract';
import type { Page } from '@shared/contracts/page';
import { ok } from '@shared/result';
import type { PropertyDoc } from '@shared/model/property.model';
import type { Database } from '../_shared/database';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Deps } from '../_shared/deps';
import { readHeartbeats, timersView } from '../_shared/heartbeat';
import { activeMembers } from '../_shared/membership';
import { deadNoticeCount } from '../_shared/outbox';
import { readPage } from '../_shared/paging';
import { findCompany } from '../_shared/environment';
import { propertiesByNameSource } from '../_shared/properties';
import { toPropertyView } from './property-views';
import { unsignedFlaggedRegisters } from '../complaints/exports';

/** Issue 14 (1): the company's name and the timer every property relies on. */
export const company: Handler<typeof c.company> = async (_input, { deps, now }) => {
  const [doc, beats] = await Promise.all([findCompany(deps.db), readHeartbeats(deps)]);
  return ok({
    name: doc?.name ?? '',
    timer: timersView(beats, now),
  });
};

/** What is piling up in one property: its managers, its dead notices, its flagged registers still unsigned (C6). */
const healthOf = async (db: Database, property: PropertyDoc): Promise<c.PropertyHealth> => {
  const [managers, dead, unsigned] = await Promise.all([
    activeMembers(db, property._id, 'manager'),
    deadNoticeCount(db, property._id),
    unsignedFlaggedRegisters(db, property._id),
  ]);
  return {
    ...toPropertyView(property),
    managers: managers.map((m) => ({ memberId: m._id, name: m.name })),
    deadLetters: dead,
    unsignedRegisters: unsigned,
  };
};

/** The page of properties needs only the input (its cursor and size): it goes out with the administrator's membership. */
const pageOfProperties = (input: z.infer<typeof c.properties.input>, deps: Deps) => readPage(deps.db, { name: 'members.properties', sources: [propertiesByNameSource()] }, input);

/**
 * Issue 14 (1): every property of the company, by name, each with its health. Issue 16: two waits, the
 * page (read with the membership, handed over only once the caller is authorised), then every health side by side.
 */
export const properties: Handler<typeof c.properties> = withPrefetch<typeof c.properties, Page<PropertyDoc>>(pageOfProperties, async (_input, { deps }, page) =>
  ok({ ...page, items: await Promise.all(page.items.map((p) => healthOf(deps.db, p))) }),
);
