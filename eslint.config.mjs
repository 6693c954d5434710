// The lint (issue 15, 6): the TypeScript rules the code follows, type-only imports marked as such, and the
// import boundaries between layers. `npm run lint`; tests/build/lint-boundaries.test.ts proves the boundaries bite.
import { readdirSync, statSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** One import boundary: a regex on the import's text (relative or `@shared/…`), and why it is there. */
const boundary = (regex, message) => ({ regex, message, caseSensitive: true });

const sharedStaysInside = boundary(
  '^(\\.\\./)+(cloudfunctions|client|local|tests|scripts|bench)(/|$)',
  'shared-types imports nothing outside itself.',
);
const sharedPackages = boundary(
  '^(?!\\.|@shared/|zod(/|$)|dayjs(/|$))',
  'shared-types runs on both ends: it imports only its own files, zod and dayjs.',
);
const domainPackages = boundary(
  '^(?!\\.|@shared/|zod(/|$))',
  'domain rules are pure: they import only shared-types and zod, nothing doing I/O.',
);
const domainNoMessages = boundary(
  '^((\\.\\./)+|@shared/)messages(/|$)',
  'domain rules return data; the client words it: no messages in domain/.',
);
const modelNoDomain = boundary(
  '^((\\.\\./)+|@shared/)domain(/|$)',
  'a stored model describes documents: model/ imports no domain/ rules.',
);
const areaOwnFiles = boundary(
  '^\\.\\./(?!_shared/(?!.*\\.\\.)|[a-z-]+/exports$)',
  "a cloud function's area imports only _shared, @shared, its own files and another area's exports module.",
);
/**
 * Issue 16: an area's part (`cloudfunctions/<area>-<suffix>/`, a deployed function of the registry's `parts`)
 * is an entry of its area's handlers: it imports its area's files too. Found by its folder's name.
 */
const functionFolders = readdirSync(new URL('./cloudfunctions', import.meta.url)).filter((name) => !name.startsWith('_') && statSync(new URL(`./cloudfunctions/${name}`, import.meta.url)).isDirectory());
const partFolders = functionFolders.flatMap((name) => {
  const area = functionFolders.find((a) => name.startsWith(`${a}-`));
  return area ? [{ part: name, area }] : [];
});
const partOwnFiles = (area) =>
  boundary(
    `^\\.\\./(?!_shared/(?!.*\\.\\.)|${area}/(?!.*\\.\\.)|[a-z-]+/exports$)`,
    "an area's part imports only _shared, @shared, its own files, its area's files and another area's exports module.",
  );
const sharedServerNoArea = boundary(
  '^\\.\\./',
  'cloudfunctions/_shared is bundled into every function: it imports no area.',
);
const serverNoClient = boundary('^(@tarojs/|react(-dom)?(/|$))', 'server code imports no client packages.');
const clientNoServer = boundary(
  '^((\\.\\./)+(cloudfunctions|local)(/|$)|wx-server-sdk$|@cloudbase/)',
  'the client imports no server code.',
);

const clientNoRefusals = boundary(
  '^@shared(/index|/messages(/index|/refusals\\.zh-CN|/function-words\\.zh-CN|/area-words|/words|/failure)?)?$',
  "the client shows the message a refusal arrives with: it imports the words it says itself (@shared/messages/zh-CN, common.zh-CN, an area's file), never every refusal nor the words only functions write (issue 16: the weapp main package).",
);

/** The same boundary, except for the imports named (each exactly as written in the file). */
const except = (b, ...allowed) => ({
  ...b,
  regex: `^(?!(${allowed.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$)(${b.regex.replace(/^\^/, '')})`,
});

const staticImports = { selector: 'ImportExpression', message: 'import statically: a dynamic import() passes the import boundaries unchecked.' };
const ownedBy = 'cloudfunctions/_shared/deadlines.ts owns the deadlines collection: open, meet, cancel, pause or reopen a clock through it.';
const deadlinesOwned = [
  { selector: "CallExpression[callee.property.name='collection'][arguments.0.value='deadlines']", message: ownedBy },
  { selector: "MemberExpression[object.name='deadlineModel'][property.name='collection']", message: ownedBy },
];
/**
 * Issue 16: classic zod cannot be tree-shaken and stays whole in a bundle while any module imports it
 * (≈ 50 KB of every function bundle, ≈ 53 KB of the weapp main package); zod/mini holds the same schemas
 * with functions a bundler can leave out (https://zod.dev/packages/mini).
 */
const classicZod = ['zod', 'zod/v4', 'zod/v4/classic', 'zod/v3'].map((name) => ({
  name,
  message: "write schemas with zod/mini (import * as z from 'zod/mini'): classic zod ships whole, ≈ 50 KB in every function bundle and in the weapp main package (issue 16).",
}));
/** Every entry carries the zod rule too: a later entry's options replace an earlier one's. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { paths: classicZod, patterns }] });

/** Each folder with all its boundaries in one entry: a later entry's options replace an earlier one's. */
const boundaries = [
  { files: ['**/*.{ts,tsx}'], rules: restrict() },
  { files: ['shared-types/src/**/*.ts'], rules: restrict(sharedStaysInside, sharedPackages) },
  { files: ['shared-types/src/domain/**/*.ts'], rules: restrict(sharedStaysInside, domainPackages, domainNoMessages) },
  { files: ['shared-types/src/model/**/*.ts'], rules: restrict(sharedStaysInside, sharedPackages, modelNoDomain) },
  { files: ['cloudfunctions/**/*.ts'], rules: restrict(areaOwnFiles, serverNoClient) },
  ...partFolders.map(({ part, area }) => ({ files: [`cloudfunctions/${part}/**/*.ts`], rules: restrict(partOwnFiles(area), serverNoClient) })),
  { files: ['cloudfunctions/_shared/**/*.ts'], rules: restrict(sharedServerNoArea, serverNoClient) },
  { files: ['client/src/**/*.{ts,tsx}'], rules: restrict(clientNoServer, clientNoRefusals) },
];


export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.tmp/**', 'coverage/**', 'backups/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // Inline `type` markers beside values, as the code writes them; `typeof import('x')` annotations stay allowed.
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // An import of types only is `import type { … }`, as the code writes it (and --fix turns the inline form into it).
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // A leading underscore names what is left out on purpose, as in `const { _id: _ignored, ...rest } = doc`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['shared-types/src/**/*.ts', 'cloudfunctions/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', staticImports] },
  },
  {
    // Issue 15 (3): the deadlines collection has one owner, which opens, closes, pauses and reopens clocks through their machine.
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/_shared/deadlines.ts'],
    rules: { 'no-restricted-syntax': ['error', staticImports, ...deadlinesOwned] },
  },
  {
    // Tests and the local runtime load CommonJS modules on purpose, after a seam or a simulator is in place.
    files: ['tests/**/*.{ts,tsx}', 'local/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The catalogue of every area's actions is loaded by the registry's names, in Node only (tests, the bench):
    // no bundle imports it (issue 15, 1).
    files: ['shared-types/src/contracts/index.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The refusals and field labels of the areas with their own catalogue file are loaded by the registry's
    // names, in Node only (the whole catalogue and the function build): the client may not import it (issue 15, 1).
    files: ['shared-types/src/messages/area-words.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The areas' timer (`reminders-areas`) loads each sweeping area's `timer.ts` by the registry's names (issue 15, 1 and 3);
    // the pattern reaches no other file of an area, and the function build turns it into static imports.
    files: ['cloudfunctions/reminders-areas/area-sweeps.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaries,
);
