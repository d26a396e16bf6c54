/**
 * Import zones for the browser code (bulletproof-react's layout): imports flow one way,
 * shared → features → app. `src/shared`, `src/lib` and `src/components` never import a feature
 * or the app; a feature never imports another feature or the app; features meet only in
 * `src/app`. Every import that leaves its own folder goes through `@/`, so a `../` cannot
 * slip past a zone.
 *
 * The typescript-eslint twin of `no-restricted-imports` (same options, and it checks
 * `import type` too), so that a core `no-restricted-imports` set elsewhere — say, keeping test
 * code out of src/ — does not replace these zones: ESLint does not merge one rule's options
 * across config blocks. `no-restricted-syntax` covers `import()`, which the rule does not see
 * and which the app uses for every view loaded on demand.
 */
import fs from 'node:fs';

const FEATURES = fs
  .readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const BROWSER_FILES = (folder) => [`src/${folder}/**/*.{ts,tsx}`];

const CLIMBING = {
  regex: '(^|/)\\.\\.(/|$)',
  message: 'Import from another folder through @/… (same-folder ./x stays relative).',
};
const UPWARD = {
  regex: '^(@/|(\\.\\./)+)(features|app)(/|$)',
  message:
    'src/shared, src/lib and src/components sit below the features and the app: move what is needed down here, or compose in src/app.',
};
const APP = {
  regex: '^@/app(/|$)',
  message: 'A feature never imports the app: the app composes the features.',
};
const otherFeature = (feature) => ({
  regex: `^@/features/(?!${feature}/)`,
  message:
    'A feature never imports another feature: compose them in src/app, or move the piece both need to src/lib or src/components.',
});

/* esquery regexes may not contain a slash, so "." stands for one in these. */
const dynamicImport = (regex, message) => ({ selector: `ImportExpression[source.value=/${regex}/]`, message });
const DYNAMIC_CLIMBING = dynamicImport('^\\.\\.', CLIMBING.message);
const DYNAMIC_UPWARD = dynamicImport('^(@.|(\\.\\..)+)(features|app)(.|$)', UPWARD.message);
const DYNAMIC_APP = dynamicImport('^@.app(.|$)', APP.message);
const dynamicOtherFeature = (feature) => dynamicImport(`^@.features.(?!${feature}.)`, otherFeature(feature).message);

function zone(files, patterns, selectors) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': ['error', ...selectors],
    },
  };
}

export const browserZones = [
  zone(['src/app/**/*.{ts,tsx}', 'src/main.tsx'], [CLIMBING], [DYNAMIC_CLIMBING]),
  ...FEATURES.map((feature) =>
    zone(
      BROWSER_FILES(`features/${feature}`),
      [CLIMBING, APP, otherFeature(feature)],
      [DYNAMIC_CLIMBING, DYNAMIC_APP, dynamicOtherFeature(feature)],
    ),
  ),
  zone(
    [...BROWSER_FILES('lib'), ...BROWSER_FILES('components')],
    [CLIMBING, UPWARD],
    [DYNAMIC_CLIMBING, DYNAMIC_UPWARD],
  ),
  // Shared with the server, whose own rules are not these: only the upward imports are barred.
  zone(BROWSER_FILES('shared'), [UPWARD], [DYNAMIC_UPWARD]),
];
