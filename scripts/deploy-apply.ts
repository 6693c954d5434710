/**
 * Runs a deploy plan against an environment through a narrow port, so the order of calls and the
 * create-only-what-is-missing decisions can be tested with a fake; deploy-cloudbase.ts implements
 * the port with @cloudbase/manager-node.
 */
import type { CreateIndex, ICloudFunctionTrigger } from '@cloudbase/manager-node/types/interfaces';
import type { SecurityRule } from './deploy-manifest';
import { indexesToCreate, triggerChanges, type DeployStep, type ExistingTrigger } from './deploy-plan';

export type FunctionStep = Extract<DeployStep, { kind: 'function' }>;

/** A function as the environment has it now. */
export interface DeployedFunction {
  runtime: string;
  envVariables: Record<string, string>;
}

export interface DeployTarget {
  ensureCollection(name: string): Promise<void>;
  indexNames(collection: string): Promise<string[]>;
  createIndexes(collection: string, indexes: CreateIndex[]): Promise<void>;
  setDbRule(collection: string, rule: SecurityRule): Promise<void>;
  setStorageRule(rule: SecurityRule): Promise<void>;
  functionNames(): Promise<string[]>;
  functionDetail(name: string): Promise<DeployedFunction>;
  /** Creates the function with its code, limits, these environment variables and its triggers. */
  createFunction(step: FunctionStep, envVariables: Record<string, string>): Promise<void>;
  /** Uploads new code and applies limits and these environment variables (all of them: others are dropped); triggers are left to the calls below. */
  updateFunction(step: FunctionStep, envVariables: Record<string, string>): Promise<void>;
  /** Deletes the function, and resolves once it is gone. */
  deleteFunction(name: string): Promise<void>;
  triggers(functionName: string): Promise<ExistingTrigger[]>;
  deleteTrigger(functionName: string, triggerName: string): Promise<void>;
  createTriggers(functionName: string, triggers: ICloudFunctionTrigger[]): Promise<void>;
}

/**
 * A function's runtime is fixed when it is created: CloudBase's update (SCF UpdateFunctionConfiguration)
 * takes no Runtime (https://cloud.tencent.com/document/product/583/18580; manager-node's
 * updateFunctionConfig says so too). So a function on another runtime is deleted and created again,
 * which drops its environment variables, triggers and cloud-call permissions: the variables it had
 * are carried over (the deploy's own win), the triggers come from config.json, and the log says the
 * permissions need a DevTools upload again.
 */
const applyFunction = async (target: DeployTarget, step: FunctionStep, existing: string[], log: (line: string) => void) => {
  if (!existing.includes(step.name)) {
    await target.createFunction(step, step.envVariables);
    log(`function ${step.name}: created on ${step.runtime}`);
    return;
  }
  const deployed = await target.functionDetail(step.name);
  const envVariables = { ...deployed.envVariables, ...step.envVariables };
  if (deployed.runtime !== step.runtime) {
    await target.deleteFunction(step.name);
    await target.createFunction(step, envVariables);
    log(
      `function ${step.name}: moved from ${deployed.runtime} to ${step.runtime} (deleted and created again; ` +
        `environment variables kept: ${Object.keys(envVariables).sort().join(', ')}; triggers from config.json: ${step.triggers.length}); ` +
        'its cloud-call permissions are gone until it is uploaded from WeChat DevTools again',
    );
    return;
  }
  await target.updateFunction(step, envVariables);
  const { remove, create } = triggerChanges(step.triggers, await target.triggers(step.name));
  for (const name of remove) await target.deleteTrigger(step.name, name);
  if (create.length > 0) await target.createTriggers(step.name, create);
  log(`function ${step.name}: updated (triggers removed: ${remove.length}, created: ${create.length})`);
};

/** Steps run one at a time, in plan order: a failure stops the deploy where it happened. */
export const applyPlan = async (steps: DeployStep[], target: DeployTarget, log: (line: string) => void): Promise<void> => {
  let functions: string[] | undefined;
  for (const step of steps) {
    switch (step.kind) {
      case 'collection':
        await target.ensureCollection(step.name);
        log(`collection ${step.name}: present`);
        break;
      case 'indexes': {
        const missing = indexesToCreate(step.indexes, await target.indexNames(step.collection));
        if (missing.length > 0) await target.createIndexes(step.collection, missing);
        log(`indexes ${step.collection}: created ${missing.map((i) => i.IndexName).join(', ') || 'none'}`);
        break;
      }
      case 'dbRule':
        await target.setDbRule(step.collection, step.rule);
        log(`rule ${step.collection}: set`);
        break;
      case 'storageRule':
        await target.setStorageRule(step.rule);
        log('storage rule: set');
        break;
      case 'function':
        functions ??= await target.functionNames();
        await applyFunction(target, step, functions, log);
        break;
    }
  }
};
