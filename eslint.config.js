// `npm run lint`. Beyond the usual checks, it enforces who may import whom (ARCHITECTURE.md): package names here
// with no-restricted-imports, paths in build/eslint/layers.js, which resolves each import before checking it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import rapport from './build/eslint/layers.js';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'better-sqlite3', 'kysely'];

const restrict = (groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', '.scratch/**', '.harness-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { rapport },
    rules: {
      'rapport/layers': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }, // migrations take Kysely<any> by design (STYLE.md)
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        [NODE_BUILTINS, 'shared/ runs on both sides: no Node.'],
        [['electron', 'electron/*', 'react', 'react-dom', '@mantine/*'], 'shared/ is the contract: zod only.'],
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([[['electron', 'electron/*'], 'core and db run on plain Node (tests, bench, harness): no electron.']]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([[[...NODE_BUILTINS, 'electron', 'electron/*'], 'The renderer talks to main only through window.rapport.']]),
    },
  },
);
