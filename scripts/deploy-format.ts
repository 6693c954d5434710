/** One readable line per deploy step, for --dry-run and the deploy log. */
import { relative } from 'node:path';
import type { DeployStep } from './deploy-plan';

export const formatStep = (step: DeployStep, root: string): string => {
  switch (step.kind) {
    case 'collection':
      return `collection ${step.name}: create if missing`;
    case 'indexes': {
      const list = step.indexes.map(({ IndexName, MgoKeySchema }) => {
        const keys = MgoKeySchema.MgoIndexKeys.map((k) => `${k.Name} ${k.Direction}`).join(', ');
        return `${IndexName}(${keys})${MgoKeySchema.MgoIsUnique ? ' unique' : ''}`;
      });
      return `indexes ${step.collection}: create those missing of ${list.join('; ')}`;
    }
    case 'dbRule':
      return `rule ${step.collection}: CUSTOM ${JSON.stringify(step.rule)}`;
    case 'storageRule':
      return `storage rule: CUSTOM ${JSON.stringify(step.rule)}`;
    case 'function': {
      const triggers = step.triggers.map((t) => `${t.name} ${t.type} "${t.config}"`).join(', ') || 'none';
      return `function ${step.name}: ${step.runtime}, timeout ${step.timeout} s, ${step.memorySize} MB, triggers: ${triggers}, code ${relative(root, step.dir)}/`;
    }
  }
};

export const formatPlan = (steps: DeployStep[], root: string): string =>
  steps.map((step, i) => `${String(i + 1).padStart(3)}. ${formatStep(step, root)}`).join('\n');
