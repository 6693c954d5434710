/** One readable line per deploy step, for --dry-run and the deploy log, and what to do after it. */
import { relative } from 'node:path';
import type { FunctionStep } from './deploy-apply';
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
      const vars = Object.entries(step.envVariables).map(([k, v]) => `${k}=${v}`).join(', ');
      return `function ${step.name}: ${step.runtime}, timeout ${step.timeout} s, ${step.memorySize} MB, env ${vars}, triggers: ${triggers}, code ${relative(root, step.dir)}/`;
    }
  }
};

export const formatPlan = (steps: DeployStep[], root: string): string =>
  steps.map((step, i) => `${String(i + 1).padStart(3)}. ${formatStep(step, root)}`).join('\n');

/**
 * Issue 13 (1.4): cloud-call permissions (config.json `permissions.openapi`) take effect when the
 * function is uploaded from WeChat DevTools ("在每次使用微信开发者工具上传云函数时均会根据配置更新权限，
 * 该配置有10分钟的缓存", https://developers.weixin.qq.com/doc/oplatform/developers/dev/cloudCall.html);
 * CloudBase's answer to -604101 is the same upload and a ten-minute wait
 * (https://docs.cloudbase.net/faq/knowledge/cloud-call-604101-permission-error). Neither manager-node
 * nor miniprogram-ci is documented to register them, so the deploy ends by saying what to upload.
 */
export const formatUploadSteps = (steps: DeployStep[], envName: string, root: string): string => {
  const functions = steps.filter((s): s is FunctionStep => s.kind === 'function');
  const withCalls = functions.filter((f) => f.openapi.length > 0);
  return [
    `Then register the cloud-call permissions (the documented path is a WeChat DevTools upload; this deploy cannot do it):`,
    `  1. Open the repository root in WeChat DevTools (project.config.json: cloudfunctionRoot is dist/cloudfunctions/) and pick the CloudBase environment of "${envName}" for that folder.`,
    `  2. Right-click each of these folders and choose 上传并部署：云端安装依赖 (upload and deploy, install dependencies in the cloud):`,
    ...withCalls.map((f) => `       ${relative(root, f.dir)}/  (${f.openapi.join(', ')})`),
    `  3. Wait about 10 minutes (WeChat caches permissions), then run: npm run smoke -- --env ${envName}`,
    `  A function already deployed on another runtime is deleted and created again on ${functions[0]?.runtime ?? ''} (a runtime cannot be changed by an update):`,
    '  its environment variables are kept, its triggers come from config.json, and it needs the upload above again.',
  ].join('\n');
};
