/**
 * Runs a deploy plan against an environment through a narrow port, so the order of calls and the
 * create-only-what-is-missing decisions can be tested with a fake; deploy-cloudbase.ts implements
 * the port with @cloudbase/manager-node.
 */
import type { CreateIndex, ICloudFunctionTrigger } from '@cloudbase/manager-node/types/interfaces';
import type { SecurityRule } from './deploy-manifest';
import { indexesToCreate, triggerChanges, type DeployStep, type ExistingTrigger } from './deploy-plan';

export type FunctionStep = Extract<DeployStep, { kind: 'function' }>;

export interface DeployTarget {
  ensureCollection(name: string): Promise<void>;
  indexNames(collection: string): Promise<string[]>;
  createIndexes(collection: string, indexes: CreateIndex[]): Promise<void>;
  setDbRule(collection: string, rule: SecurityRule): Promise<void>;
  setStorageRule(rule: SecurityRule): Promise<void>;
  functionNames(): Promise<string[]>;
  /** Creates the function with its code, limits and triggers. */
  createFunction(step: FunctionStep): Promise<void>;
  /** Uploads new code and applies limits to an existing function; triggers are left to the calls below. */
  updateFunction(step: FunctionStep): Promise<void>;
  triggers(functionName: string): Promise<ExistingTrigger[]>;
  deleteTrigger(functionName: string, triggerName: string): Promise<void>;
  createTriggers(functionName: string, triggers: ICloudFunctionTrigger[]): Promise<void>;
}

const applyFunction = async (target: DeployTarget, step: FunctionStep, existing: string[], log: (line: string) => void) => {
  if (!existing.includes(step.name)) {
    await target.createFunction(step);
    log(`function ${step.name}: created`);
    return;
  }
  await target.updateFunction(step);
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
