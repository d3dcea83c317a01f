// The lint rule `rapport/layers`: who may import whom (ARCHITECTURE.md), checked on the resolved path of every
// relative import, so a file deep in a folder obeys the same rule as one at its top. Package names stay with
// `no-restricted-imports` in eslint.config.js. Plain ESM importing only node:path, so the config loads it unbuilt.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CODE_EXTENSION = /\.(ts|tsx|js|jsx|mjs|cjs)$/;

const under = (file, dirs) => dirs.some((dir) => file === dir || file.startsWith(`${dir}/`));
const featureOf = (file) => /^renderer\/src\/features\/([^/]+)\//.exec(file)?.[1];
const PANELS = /^renderer\/src\/features\/[^/]+\/panels$/;
const MIGRATION_INDEX = 'electron/db/migrations/index';
const MIGRATION = /^electron\/db\/migrations\/\d{4}_[^/]+$/;

/**
 * Each layer rule: `applies` picks the importing files by folder, `forbids` tells whether one import breaks it.
 * `from` and `to` are repo-relative POSIX paths without a code extension; `to` is null for a package import.
 */
export const LAYER_RULES = [
  {
    name: 'core-db-below-shell',
    why: 'electron/core and electron/db run on plain Node and sit below main, ipc, preload, the harness and the renderer',
    applies: (from) => under(from, ['electron/core', 'electron/db']),
    forbids: (to) => to !== null && under(to, ['electron/main', 'electron/ipc', 'electron/preload', 'electron/harness', 'renderer']),
  },
  {
    name: 'db-below-core',
    why: 'electron/db never imports electron/core: the core calls the repos, never the other way round',
    applies: (from) => under(from, ['electron/db']),
    forbids: (to) => to !== null && under(to, ['electron/core']),
  },
  {
    name: 'migrations-frozen',
    why: 'a migration is frozen in time: it imports kysely and plain libraries only, never application code or another migration (only migrations/index lists them)',
    applies: (from) => under(from, ['electron/db/migrations']),
    forbids: (to, from) => to !== null && !(from === MIGRATION_INDEX && MIGRATION.test(to)),
  },
  {
    name: 'migrations-private',
    why: "only electron/db/migrator runs the migrations (through migrations/index); other code never reuses a frozen migration's internals, it copies them",
    applies: (from) => under(from, ['electron', 'shared', 'renderer']) && !under(from, ['electron/db/migrations', 'electron/db/migrator']),
    forbids: (to) => to !== null && under(to, ['electron/db/migrations']),
  },
  {
    name: 'preload-contract-only',
    why: 'the sandboxed preload has no Node and knows only the electron package and shared/ipc',
    applies: (from) => under(from, ['electron/preload']),
    forbids: (to, _from, specifier) => (to === null ? specifier !== 'electron' : !under(to, ['electron/preload', 'shared/ipc'])),
  },
  {
    name: 'shell-not-renderer-harness',
    why: 'electron/main and electron/ipc never import the renderer or the harness (the harness is for tests and development only)',
    applies: (from) => under(from, ['electron/main', 'electron/ipc']),
    forbids: (to) => to !== null && under(to, ['renderer', 'electron/harness']),
  },
  {
    name: 'shared-standalone',
    why: 'shared/ is the contract both sides import: it imports only shared/ (and zod), never electron/, renderer/ or anything else in the repo',
    applies: (from) => under(from, ['shared']),
    forbids: (to) => to !== null && !under(to, ['shared']),
  },
  {
    name: 'feature-through-panels',
    why: "a renderer feature uses another feature only through that feature's panels.ts",
    applies: (from) => featureOf(from) !== undefined,
    forbids: (to, from) => to !== null && featureOf(to) !== undefined && featureOf(to) !== featureOf(from) && !PANELS.test(to),
  },
  {
    name: 'features-not-app',
    why: 'features never import renderer/src/app: the app composes the features, not the other way round',
    applies: (from) => under(from, ['renderer/src/features']),
    forbids: (to) => to !== null && under(to, ['renderer/src/app']),
  },
  {
    name: 'ui-api-not-features',
    why: 'renderer/src/ui and renderer/src/api are shared by every feature and never import one',
    applies: (from) => under(from, ['renderer/src/ui', 'renderer/src/api']),
    forbids: (to) => to !== null && under(to, ['renderer/src/features']),
  },
  {
    name: 'renderer-not-electron',
    why: 'the renderer talks to main only through window.rapport and never imports electron/',
    applies: (from) => under(from, ['renderer']),
    forbids: (to) => to !== null && under(to, ['electron']),
  },
];

const repoPath = (absolute) => path.relative(ROOT, absolute).split(path.sep).join('/').replace(CODE_EXTENSION, '');

/** The repo-relative target of a relative or absolute specifier; null for a package; undefined outside the repo. */
function resolveTarget(specifier, fromDir) {
  const bare = specifier.replace(/[?#].*$/, '');
  if (!bare.startsWith('.') && !path.isAbsolute(bare)) return null;
  const target = repoPath(path.resolve(fromDir, bare));
  return target.startsWith('..') || path.isAbsolute(target) ? undefined : target;
}

function sourceOf(node) {
  const source = node.type === 'TSImportType' ? (node.argument?.literal ?? node.argument) : (node.source ?? node.expression);
  return source?.type === 'Literal' && typeof source.value === 'string' ? source : undefined;
}

export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Who may import whom (ARCHITECTURE.md), checked on resolved import paths' },
    schema: [],
    messages: { broken: "Layer rule '{{name}}': {{why}} (this file imports {{target}})." },
  },
  create(context) {
    const absolute = context.physicalFilename ?? context.filename;
    const from = repoPath(absolute);
    if (from.startsWith('..') || path.isAbsolute(from)) return {};
    const rules = LAYER_RULES.filter((rule) => rule.applies(from));
    if (rules.length === 0) return {};
    const fromDir = path.dirname(absolute);

    function check(node) {
      const source = sourceOf(node);
      if (!source) return;
      const to = resolveTarget(source.value, fromDir);
      if (to === undefined) return;
      for (const rule of rules) {
        if (!rule.forbids(to, from, source.value)) continue;
        context.report({ node: source, messageId: 'broken', data: { name: rule.name, why: rule.why, target: to ?? `the package '${source.value}'` } });
      }
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportType: check,
      TSExternalModuleReference: check,
    };
  },
};

export default { meta: { name: 'rapport' }, rules: { layers } };
