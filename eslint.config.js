// Lint rules that keep the layers of ../shared/DESIGN.md honest: imports point down only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What product code never imports: test-only helpers and Node's modules (src/ runs in a browser). */
const TEST_ONLY = [
  { group: ['**/test/**', '**/e2e/**'], message: 'Test-only code lives in test/ and e2e/ and is imported by tests only.' },
  { group: ['node:*'], message: 'src/ runs in the browser: no Node modules outside tests.' },
];

/** Forbid a layer from importing the layers above or beside it, and product code test-only code. */
function layer(folder, forbidden) {
  const layers = forbidden.map((name) => ({
    group: [`**/${name}`, `**/${name}/**`],
    message: `src/${folder} may not import src/${name}: see the layers in DESIGN.md.`,
  }));
  const tests = [`src/${folder}/**/*.test.ts`, `src/${folder}/**/*.test.tsx`];
  return [
    { files: tests, rules: { 'no-restricted-imports': ['error', { patterns: layers }] } },
    {
      files: [`src/${folder}/**/*.{ts,tsx}`],
      ignores: tests,
      rules: { 'no-restricted-imports': ['error', { patterns: [...layers, ...TEST_ONLY] }] },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'bench/.dist', 'test-results', 'playwright-report', 'wasm'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layer('store', ['sync', 'model', 'ui', 'comments']),
  ...layer('sync', ['model', 'ui', 'comments']),
  ...layer('model', ['ui', 'sync', 'comments']),
  ...layer('comments', ['ui', 'model']),
  ...layer('ui', []),
);
