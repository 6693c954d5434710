import type * as c from '@shared/contracts/members.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { COMPANY_DOC_ID, companyModel } from '@shared/model/company.model';
import { COMPANY_SCOPE, memberModel, type MemberDoc } from '@shared/model/member.model';
import { propertyModel } from '@shared/model/property.model';
import { defaultSettings } from '@shared/model/settings.model';
import type { Database } from '../_shared/database';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Deps } from '../_shared/deps';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { memberIdFor } from '../_shared/membership';
import { writeSettingsInTx } from '../_shared/settings';
import { memberEvent, memberSubject } from './history';
import { checkBootstrapSecret } from './secret';
import { toMembership } from './views';
import { findProperty, writePropertyInTx } from '../_shared/properties';
import { ensureBootstrapRecord, findBootstrap, findCompany, readBootstrapInTx, writeBootstrapInTx, writeCompanyInTx } from '../_shared/environment';
import { activeManagerExists, writeMemberInTx } from '../_shared/membership';

/** Issue 14: an environment is bootstrapped once: not after its company exists, nor (before companies) once it had a manager. */
const alreadyDone = async (db: Database): Promise<boolean> => {
  const [company, manager] = await Promise.all([findCompany(db), activeManagerExists(db)]);
  return !!company || manager;
};

/**
 * Issue 7 (1), issue 14 (1): the company and its first administrator, who also manages its first
 * property. The secret must match the one configured on the function; no company and no active
 * manager may exist. The bootstrap count is read before they are looked for and must be unchanged
 * when the transaction commits, so of two bootstraps racing each other only one succeeds. The
 * company, the property, its default settings and the caller's two memberships commit together.
 */
/**
 * Issue 16: what a bootstrap looks for needs only its input: the record first (its count is read
 * before the company and managers are looked for), then those and the property together, beside the
 * command's records. Nothing of it is used before the secret is checked.
 */
const bootstrapReads = async (input: { propertyId: string }, deps: Deps) => {
  const record = await findBootstrap(deps.db);
  const [done, property] = await Promise.all([alreadyDone(deps.db), findProperty(deps.db, input.propertyId)]);
  return { record, done, propertyExists: property !== null };
};

export const bootstrap: Handler<typeof c.bootstrap> = /* @__PURE__ */ withPrefetch<typeof c.bootstrap, Awaited<ReturnType<typeof bootstrapReads>>>(bootstrapReads, async (input, ctx, { record, done, propertyExists }) => {
  const { deps, caller, now } = ctx;
  const { db } = deps;
  const refused = checkBootstrapSecret(deps.bootstrapSecret, input.secret);
  if (refused) return failure(refused);
  const runs = record?.runs ?? 0;
  if (done) return failure('BOOTSTRAP.ALREADY_DONE');
  if (propertyExists) return failure('PROPERTY.EXISTS');
  if (!record) await ensureBootstrapRecord(db);

  const at = now.toISOString();
  const propertyId = input.propertyId;
  const property = propertyModel.toStored({ _id: propertyId, propertyId, name: input.propertyName, address: '', deskPhone: input.deskPhone, status: 'active' });
  const company = companyModel.toStored({ _id: COMPANY_DOC_ID, name: input.companyName ?? input.propertyName, createdAt: at });
  const membershipIn = (scope: string, role: MemberDoc['role']) =>
    memberModel.toStored({
      _id: memberIdFor(scope, caller.openid),
      propertyId: scope,
      openid: caller.openid,
      role,
      status: 'active',
      name: input.name,
      phone: input.phone,
      roomIds: [],
      skills: [],
      vip: false,
      createdAt: at,
    });
  const member = membershipIn(propertyId, 'manager');
  const admin = membershipIn(COMPANY_SCOPE, 'admin');
  const { result } = await applyOnce(
    ctx,
    'members.bootstrap',
    async (tx) => {
      const current = await readBootstrapInTx(tx);
      if (current.runs !== runs) throw new ActionFailure('BOOTSTRAP.ALREADY_DONE');
      await writeBootstrapInTx(tx, { ...current, runs: runs + 1, last: { propertyId, at } });
      await writeCompanyInTx(tx, company);
      await writePropertyInTx(tx, property);
      await writeSettingsInTx(tx, propertyId, defaultSettings(propertyId));
      for (const m of [admin, member]) {
        await writeMemberInTx(tx, m);
        const event = memberEvent('bootstrap', null, m.role, { actor: caller.openid, role: m.role, now });
        await appendEvent(tx, memberSubject(m), event, input.commandId, `bootstrap~${ctx.commandKey}`);
      }
      return toMembership(member, property.name);
    },
    propertyId,
  );
  return ok(result);
});
