// Lint rules that keep the layers of ../shared/DESIGN.md honest: imports point down only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Forbid a layer from importing the layers above or beside it. */
function layer(folder, forbidden) {
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((name) => ({
            group: [`**/${name}`, `**/${name}/**`],
            message: `src/${folder} may not import src/${name}: see the layers in DESIGN.md.`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'bench/.dist', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer('store', ['sync', 'model', 'ui', 'comments']),
  layer('sync', ['model', 'ui', 'comments']),
  layer('model', ['ui', 'sync', 'comments']),
  layer('comments', ['ui', 'model']),
);
