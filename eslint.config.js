import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { browserZones } from './eslint-browser-zones.js';

export default tseslint.config(
  { ignores: ['dist', 'data', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.tsx', 'src/features/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Import zones for src/app, src/features, src/lib, src/components and src/shared.
  ...browserZones,
  {
    // Production code stands on its own: tests and benches import it, never the other way round.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(tests|bench)(/|$)',
              message: 'Production code under src/ must not import test support or benches (tests/, bench/).',
            },
            {
              regex: '^(vitest|@playwright/test)(/|$)',
              message: 'Production code under src/ must not import a test framework.',
            },
          ],
        },
      ],
    },
  },
);
