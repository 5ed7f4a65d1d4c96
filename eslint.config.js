import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noShellInCore = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'src/ runs under plain Node: no electron.' },
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'src/ never imports react.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noShellInCore] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!api(/|$))',
              message: 'renderer/ sees only src/api.',
            },
            { group: ['electron', 'node:*'], message: 'renderer/ runs in a sandboxed page.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.cts'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
