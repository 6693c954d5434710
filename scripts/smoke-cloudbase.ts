/**
 * The smoke command's port implemented with @cloudbase/manager-node 4.10, for a real environment.
 * Only this file talks to the cloud; it is exercised against a real environment, not in tests.
 */
import type CloudBase from '@cloudbase/manager-node';
import * as z from 'zod/mini';
import { SecurityRule } from './deploy-manifest';
import type { SmokeTarget } from './smoke-checks';

const SafeRule = z.object({ AclTag: z.optional(z.string()), Rule: z.optional(z.nullable(z.string())) });

const customRule = (aclTag: string | undefined, rule: unknown): SecurityRule | null => {
  if (aclTag !== 'CUSTOM') return null;
  const parsed = SecurityRule.safeParse(typeof rule === 'string' ? JSON.parse(rule) : rule);
  return parsed.success ? parsed.data : null;
};

export const cloudbaseSmokeTarget = (app: CloudBase, envId: string): SmokeTarget => ({
  name: `CloudBase environment ${envId}`,
  // SCF Invoke: the params become the event; the function's return comes back as RetMsg (JSON), a crash as ErrMsg.
  invoke: async (fn, event) => {
    const res = await app.functions.invokeFunction(fn, event as Record<string, unknown>);
    if (res.ErrMsg) throw new Error(res.ErrMsg.slice(0, 300));
    return JSON.parse(res.RetMsg) as unknown;
  },
  collectionExists: async (name) => (await app.database.checkCollectionExists(name)).Exists,
  indexNames: async (name) => ((await app.database.describeCollection(name)).Indexes ?? []).map((i) => i.Name),
  // tcb API 2018-06-08 DescribeSafeRule (https://cloud.tencent.com/document/api/876/128118): AclTag, and Rule as a JSON string.
  dbRule: async (name) => {
    const answer = SafeRule.parse(await app.commonService('tcb', '2018-06-08').call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: name } }));
    return customRule(answer.AclTag, answer.Rule);
  },
  storageRule: async () => {
    const { acl, rule } = await app.storage.getStorageAcl({ withRule: true });
    return customRule(acl, rule);
  },
  triggers: async (fn) => ((await app.functions.getFunctionDetail(fn)).Triggers ?? []).map((t) => ({ name: t.TriggerName, desc: t.TriggerDesc })),
});
