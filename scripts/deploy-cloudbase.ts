/**
 * The deploy port implemented with CloudBase's own management SDK, @cloudbase/manager-node 4.10.
 * Only this file talks to the cloud; it is exercised against a real environment, not in tests.
 */
import type CloudBase from '@cloudbase/manager-node';
import type { ICloudFunction } from '@cloudbase/manager-node/types/interfaces';
import type { DeployTarget, FunctionStep } from './deploy-apply';

const PAGE = 100;
const GONE_POLL_MS = 2000;
const GONE_TIMEOUT_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const toCloudFunction = (step: FunctionStep, envVariables: Record<string, string>): ICloudFunction => ({
  name: step.name,
  runtime: step.runtime,
  handler: 'index.main',
  timeout: step.timeout,
  memorySize: step.memorySize,
  envVariables,
  // The bundle leaves wx-server-sdk external: the cloud installs it from the function's package.json.
  installDependency: true,
  isWaitInstall: true,
  triggers: step.triggers,
});

const listFunctions = async (app: CloudBase): Promise<string[]> => {
  const names: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await app.functions.getFunctionList(PAGE, offset);
    names.push(...page.Functions.flatMap((f) => (f.FunctionName ? [f.FunctionName] : [])));
    if (page.Functions.length < PAGE || offset + PAGE >= page.TotalCount) return names;
  }
};

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
  functionNames: () => listFunctions(app),
  functionDetail: async (name) => {
    const detail = await app.functions.getFunctionDetail(name);
    return { runtime: detail.Runtime, envVariables: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])) };
  },
  createFunction: async (step, envVariables) => {
    await app.functions.createFunction({ func: toCloudFunction(step, envVariables), functionPath: step.dir, force: false });
  },
  // Deleting takes a while; a create under the same name before it is gone is refused.
  deleteFunction: async (name) => {
    await app.functions.deleteFunction(name);
    for (const started = Date.now(); Date.now() - started < GONE_TIMEOUT_MS; await sleep(GONE_POLL_MS)) {
      if (!(await listFunctions(app)).includes(name)) return;
    }
    throw new Error(`function ${name} was deleted but is still listed after ${GONE_TIMEOUT_MS / 1000} s`);
  },
  // Each update leaves the function "Updating"; the next call is refused until it is active again.
  // Triggers stay out of func: updateFunctionConfig would otherwise create them and only warn on failure.
  updateFunction: async (step, envVariables) => {
    const func = { ...toCloudFunction(step, envVariables), triggers: [] };
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
