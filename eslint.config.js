// `npm run lint`. Beyond the usual checks, it enforces who may import whom (ARCHITECTURE.md):
// no `electron` below electron/ipc, no Node in renderer/ or shared/, a preload that only knows the contract.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'better-sqlite3', 'kysely'];

const restrict = (groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', '.scratch/**', '.harness-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off', // migrations take Kysely<any> by design (STYLE.md)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [NODE_BUILTINS, 'shared/ runs on both sides: no Node.'],
        [['electron', 'react', 'react-dom', '@mantine/*'], 'shared/ is the contract: zod only.'],
        [['**/electron/**', '**/renderer/**'], 'shared/ must not depend on either side.'],
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [['electron', 'electron/*'], 'core and db run on plain Node (tests, bench, harness): no electron.'],
        [['**/renderer/**', '../main/*', '../ipc/*', '../preload/*', '../harness/*'], 'core and db sit below main, ipc, preload and the harness.'],
      ]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [NODE_BUILTINS, 'The sandboxed preload has no Node.'],
        [['../core/*', '../db/*', '../main/*', '../ipc/*', '../harness/*', '**/renderer/**'], 'The preload knows only electron and shared/ipc.'],
      ]),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([[['**/renderer/**'], 'main never imports the renderer.']]) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        [[...NODE_BUILTINS, 'electron', 'electron/*'], 'The renderer talks to main only through window.rapport.'],
        [['**/electron/**'], 'The renderer never imports main-process code.'],
      ]),
    },
  },
);
