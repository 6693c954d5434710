/**
 * The deploy port implemented with CloudBase's own management SDK, @cloudbase/manager-node 4.10.
 * Only this file talks to the cloud; it is exercised against a real environment, not in tests.
 */
import type CloudBase from '@cloudbase/manager-node';
import type { ICloudFunction } from '@cloudbase/manager-node/types/interfaces';
import type { DeployTarget, FunctionStep } from './deploy-apply';

const PAGE = 100;

const toCloudFunction = (step: FunctionStep): ICloudFunction => ({
  name: step.name,
  runtime: step.runtime,
  handler: 'index.main',
  timeout: step.timeout,
  memorySize: step.memorySize,
  // The bundle leaves wx-server-sdk external: the cloud installs it from the function's package.json.
  installDependency: true,
  isWaitInstall: true,
  triggers: step.triggers,
});

export const cloudbaseTarget = (app: CloudBase, envId: string): DeployTarget => ({
  ensureCollection: async (name) => {
    await app.database.createCollectionIfNotExists(name);
  },
  indexNames: async (collection) => ((await app.database.describeCollection(collection)).Indexes ?? []).map((i) => i.Name),
  createIndexes: async (collection, indexes) => {
    await app.database.updateCollection(collection, { CreateIndexes: indexes });
  },
  // manager-node has no method for a collection's rule. Its docs (api-reference/manager/node/rule)
  // route it through commonService: tcb API 2018-06-08 action ModifySafeRule with EnvId,
  // CollectionName, AclTag and, for AclTag CUSTOM, Rule as a JSON string (Tencent Cloud API doc 876/128959).
  setDbRule: async (collection, rule) => {
    await app.commonService('tcb', '2018-06-08').call({
      Action: 'ModifySafeRule',
      Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) },
    });
  },
  setStorageRule: async (rule) => {
    await app.storage.setStorageAcl('CUSTOM', rule);
  },
  functionNames: async () => {
    const names: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await app.functions.getFunctionList(PAGE, offset);
      names.push(...page.Functions.flatMap((f) => (f.FunctionName ? [f.FunctionName] : [])));
      if (page.Functions.length < PAGE || offset + PAGE >= page.TotalCount) return names;
    }
  },
  createFunction: async (step) => {
    await app.functions.createFunction({ func: toCloudFunction(step), functionPath: step.dir, force: false });
  },
  // Each update leaves the function "Updating"; the next call is refused until it is active again.
  // Triggers stay out of func: updateFunctionConfig would otherwise create them and only warn on failure.
  updateFunction: async (step) => {
    const func = { ...toCloudFunction(step), triggers: [] };
    await app.functions.updateFunctionCode({ func, functionPath: step.dir });
    await app.functions.waitFunctionActive(step.name);
    await app.functions.updateFunctionConfig(func);
    await app.functions.waitFunctionActive(step.name);
  },
  triggers: async (name) =>
    ((await app.functions.getFunctionDetail(name)).Triggers ?? []).map((t) => ({ name: t.TriggerName, desc: t.TriggerDesc })),
  deleteTrigger: async (name, triggerName) => {
    await app.functions.deleteFunctionTrigger(name, triggerName);
  },
  createTriggers: async (name, triggers) => {
    await app.functions.createFunctionTriggers(name, triggers);
  },
});
