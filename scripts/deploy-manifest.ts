/**
 * The declared cloud environment (cloudfunctions/manifest.json) and each built function's
 * config.json, parsed into typed values. Reading is the only I/O here; planning lives in deploy-plan.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { declaredManifest } from '../cloudfunctions/manifest';
import { MiniProgramVersion } from '../shared-types/src/domain/mini-program-version.rules';

const RuleValue = z.union([z.boolean(), z.string().check(z.minLength(1))]);
export const SecurityRule = z.strictObject({ read: RuleValue, write: RuleValue });
export type SecurityRule = z.infer<typeof SecurityRule>;

const IndexDef = z.strictObject({
  name: z.string().check(z.minLength(1)),
  unique: z.optional(z.boolean()),
  keys: z.array(z.tuple([z.string().check(z.minLength(1)), z.union([z.literal(1), z.literal(-1)])])).check(z.minLength(1)),
});
export type IndexDef = z.infer<typeof IndexDef>;

/**
 * Where the environment's 消息推送 (message push) sends a WeChat event: a <message type, event>
 * pair goes to one cloud function of one environment. Set in the cloud console (云开发 → 设置 →
 * 其他设置 → 消息推送, push mode 云函数), not by the deploy; the local runtime delivers its pushes so.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/openapi.md
 */
export const MessagePushRoute = z.strictObject({ msgType: z.string().check(z.minLength(1)), event: z.string(), functionName: z.string().check(z.minLength(1)) });
export type MessagePushRoute = z.infer<typeof MessagePushRoute>;

export const Manifest = z.object({
  $comment: z.optional(z.string()),
  /** Each environment: where its CloudBase env id comes from, and which mini-program version it serves (issue 13, 1.6). */
  environments: z.record(z.string(), z.strictObject({ envIdFrom: z.string().check(z.minLength(1)), miniProgram: MiniProgramVersion })),
  collections: z.record(z.string(), z.strictObject({ rule: SecurityRule, indexes: z.array(IndexDef) })),
  storage: z.strictObject({ rule: SecurityRule }),
  functions: z.record(z.string(), z.strictObject({ timeout: z.number().check(z.int()), memorySize: z.number().check(z.int()) })),
  messagePush: z._default(z.array(MessagePushRoute), []),
});
export type Manifest = z.infer<typeof Manifest>;

// manager-node's createFunctionTriggers accepts timer triggers only, so anything else fails here.
export const FunctionConfig = z.object({
  permissions: z.object({ openapi: z.array(z.string()) }),
  triggers: z.optional(z.array(z.object({ name: z.string().check(z.minLength(1)), type: z.literal('timer'), config: z.string().check(z.minLength(1)) }))),
});
export type FunctionConfig = z.infer<typeof FunctionConfig>;

export interface BuiltFunction {
  name: string;
  dir: string;
  config: FunctionConfig;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** manifest.json at `file` with the areas' own declarations merged in (cloudfunctions/manifest.ts). */
export const readManifest = (file: string): Manifest => Manifest.parse(declaredManifest(dirname(file)));

/** Every deployable folder in dist/cloudfunctions with its parsed config.json. */
export const readBuiltFunctions = (distDir: string): BuiltFunction[] => {
  if (!existsSync(distDir)) throw new Error(`${distDir} does not exist: run \`npm run build:functions\` first`);
  return readdirSync(distDir)
    .filter((name) => statSync(join(distDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(distDir, name);
      const parsed = FunctionConfig.safeParse(readJson(join(dir, 'config.json')));
      if (!parsed.success) throw new Error(`${dir}/config.json: ${parsed.error.message}`);
      return { name, dir, config: parsed.data };
    });
};

/** Each named function's config.json in the source tree (cloudfunctions/<name>/config.json). */
export const readFunctionConfigs = (sourceDir: string, names: readonly string[]): Record<string, FunctionConfig> =>
  Object.fromEntries(
    names.map((name) => {
      const file = join(sourceDir, name, 'config.json');
      const parsed = FunctionConfig.safeParse(readJson(file));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      return [name, parsed.data];
    }),
  );
