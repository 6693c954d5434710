/**
 * Issue 16 (require time, and the H5 load): shared-types' schemas built on first use. Every call building a
 * schema that a module evaluates when it is loaded (`z.…(…)` and its `.check(…)` chain, `pageOf(…)`,
 * `isoDateTime(…)`, outside any function; and an action's `input` and `output` wherever `defineAction` is
 * called, as in the contracts' step helpers) is wrapped in `lazySchema(() => …)` (model/lazy-schema.ts), the
 * schema to every reader, built on its first read. The outermost call only: the schemas inside it are built
 * with it. The source keeps its schemas as they are.
 *
 * Two builds apply it: the cloud functions' (scripts/build-functions.ts, an esbuild plugin;
 * tests/build/function-bundles.test.ts holds every bundle to building none when required) and the H5 build
 * (./lazy-schema-loader.js, a webpack loader, config/index.ts; tests/e2e/inbox-load.test.ts counts the schemas
 * the desk inbox's load builds). Not the weapp build: each wrapper is ≈ 8 bytes and its main package has
 * under 1 KB of room (tests/build/package-budgets.test.ts). Here, under client/config, because Taro compiles
 * the TypeScript of its config folder only, and the H5 build loads it from there.
 */
import { join } from 'node:path';
import ts from 'typescript';

const schemaBuilders = new Set(['pageOf', 'isoDateTime']);
const rootOf = (e: ts.Expression): ts.Expression => {
  let at = e;
  while (ts.isCallExpression(at) || ts.isPropertyAccessExpression(at)) at = at.expression;
  return at;
};
const buildsSchema = (call: ts.CallExpression, builders: ReadonlySet<string>): boolean => {
  const root = rootOf(call);
  return ts.isIdentifier(root) && (root.text === 'z' ? ts.isPropertyAccessExpression(call.expression) : builders.has(root.text) && call.expression === root);
};
const lazySchemaPath = join(__dirname, '..', '..', 'shared-types', 'src', 'model', 'lazy-schema.ts');
export const lazySchemas = (path: string, text: string): string => {
  if (path === lazySchemaPath) return text;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  // The module's own schema factories too: `const Note = (max: number) => z.string().check(…)`.
  const builders = new Set(schemaBuilders);
  for (const s of file.statements.filter(ts.isVariableStatement)) {
    for (const d of s.declarationList.declarations) {
      const f = d.initializer;
      if (ts.isIdentifier(d.name) && f && ts.isArrowFunction(f) && ts.isCallExpression(f.body) && buildsSchema(f.body, schemaBuilders)) builders.add(d.name.text);
    }
  }
  const wraps: ts.Node[] = [];
  const atLoad = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) && buildsSchema(node, builders)) return void wraps.push(node);
    ts.forEachChild(node, atLoad);
  };
  const actions = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineAction' && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      for (const p of node.arguments[0].properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ['input', 'output'].includes(p.name.text) && ts.isCallExpression(p.initializer) && buildsSchema(p.initializer, builders)) wraps.push(p.initializer);
      }
    }
    ts.forEachChild(node, actions);
  };
  for (const s of file.statements) if (ts.isVariableStatement(s)) atLoad(s.declarationList);
  actions(file);
  const outermost = [...new Set(wraps)].filter((n) => !wraps.some((o) => o !== n && o.getStart(file) <= n.getStart(file) && n.getEnd() <= o.getEnd()));
  if (!outermost.length) return text;
  let out = text;
  for (const n of outermost.sort((a, b) => b.getStart(file) - a.getStart(file))) {
    out = `${out.slice(0, n.getStart(file))}__lazySchema(() => ${n.getText(file)})${out.slice(n.getEnd())}`;
  }
  return `import { lazySchema as __lazySchema } from ${JSON.stringify(lazySchemaPath)};\n${out}`;
};

