import { recordedChange } from '@shared/domain/state-machine';
import { COMPANY_DOC_ID, companyModel } from '@shared/model/company.model';
import { COMPANY_SCOPE, memberModel } from '@shared/model/member.model';
import type { Deps } from '../_shared/deps';
import { appendEvent } from '../_shared/events';
import { activeMembers, memberIdFor } from '../_shared/membership';
import { TIMER } from '../_shared/timer-actor';
import { propertiesByName } from '../_shared/properties';
import { findBootstrap, findCompany, writeCompanyInTx } from '../_shared/environment';
import { writeMemberInTx } from '../_shared/membership';

/**
 * Issue 14 (5): an environment from before companies becomes a company with no action from its
 * people. Its company is named after its property (the one bootstrapped, or the first by name), and
 * that property's active managers become the company's administrators; nobody's membership of the
 * property changes. Every id is derived, so a run cut short and run again writes the same documents;
 * the company document is written last, so until it exists the next run does it all again.
 * Answers how many administrators it made (0 once the company exists, or with no property yet).
 */
export const ensureCompany = async (deps: Deps): Promise<number> => {
  const { db } = deps;
  if (await findCompany(db)) return 0;
  const [record, properties] = await Promise.all([
    findBootstrap(db),
    propertiesByName(db),
  ]);
  const first = properties.find((p) => p._id === record?.last?.propertyId) ?? properties[0];
  if (!first) return 0;
  const managers = await activeMembers(db, first._id, 'manager');
  const now = deps.now();
  const at = now.toISOString();
  await db.runTransaction(async (tx) => {
    for (const m of managers) {
      const admin = memberModel.toStored({ ...m, _id: memberIdFor(COMPANY_SCOPE, m.openid), propertyId: COMPANY_SCOPE, role: 'admin', roomIds: [], skills: [], vip: false, createdAt: at });
      await writeMemberInTx(tx, admin);
      const event = recordedChange('member', 'bootstrap', { from: null, to: 'admin', version: 1 }, { ...TIMER, now, reason: first.name });
      await appendEvent(tx, { kind: 'member', id: admin._id, propertyId: COMPANY_SCOPE }, event, 'company-upgrade', 'company-upgrade');
    }
    await writeCompanyInTx(tx, companyModel.toStored({ _id: COMPANY_DOC_ID, name: first.name, createdAt: at }));
  });
  return managers.length;
};
