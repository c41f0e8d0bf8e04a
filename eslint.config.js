// Lint, including the layering of SPEC §1: a wrong import between folders is an error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'url', 'stream', 'zlib'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report', 'bench/.cache', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict(['**/db/**', '**/electron/**', '**/renderer/**', 'electron', 'better-sqlite3', ...NODE_BUILTINS], 'shared/ imports nothing outside shared/'),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['**/electron/**', '**/renderer/**', 'electron'], 'db/ imports only shared/'),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['**/renderer/**'], 'electron/ imports shared/ and db/, never the renderer'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(['**/db/**', '**/electron/!(preload)*', 'electron', 'better-sqlite3', ...NODE_BUILTINS], 'renderer/ imports shared/ (and only the type of the preload bridge)'),
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
