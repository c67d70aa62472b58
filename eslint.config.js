// Layering, as ../shared/STYLE.md asks: shared/ is pure (no Node, Electron, React or DOM),
// renderer/ never reaches into electron/. A slip fails `npm run lint`, which `npm test` runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'stream', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'shared/lexicon/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure: no Node APIs (effects belong in electron/).' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
          { group: ['react', 'react-dom', 'react-dom/*', 'react-i18next', '@tanstack/*'], message: 'shared/ must not import React.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ sits below electron/ and renderer/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron', 'electron/*'], message: 'renderer/ talks to main only through ReviewApi (renderer/src/api.ts).' },
          { group: nodeBuiltins, message: 'renderer/ runs sandboxed: no Node APIs.' },
        ],
      }],
    },
  },
  {
    // The app's own renderer code loads no zod: the contract modules that build schemas are for
    // their types only there, and the plain lists and names come from vocabulary.ts and
    // glossaryEntries.ts (the schemas took a third of the page script's start-up). Tests and
    // their fakes may use the schema modules.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/shared/contract/channels.ts', '**/shared/contract/annotations.ts', '**/shared/contract/review.ts', '**/shared/contract/glossary.ts', '**/shared/contract/recordQuery.ts', '**/shared/contract/validate.ts'],
          allowTypeImports: true,
          message: 'Import only types from this module in the renderer: it builds zod schemas. Plain values live in shared/contract/vocabulary.ts and glossaryEntries.ts.',
        }],
      }],
    },
  },
  {
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{js,ts}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ does not import the renderer; they meet in shared/contract.' }],
      }],
    },
  },
);
