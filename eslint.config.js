import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-artifacts', 'bench-results', '*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure layers must stay free of React, three and the DOM (DESIGN.md §1); their React hooks live apart.
    files: [
      'src/procedure/**/*.ts',
      'src/playback/**/*.ts',
      'src/options/**/*.ts',
      'src/narration/**/*.ts',
      'src/content/**/*.ts',
    ],
    ignores: ['src/playback/react/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'three',
            '@react-three/*',
            'leva',
            '**/ui/*',
            '**/embed/*',
            '**/scene/*',
          ],
        },
      ],
    },
  },
  {
    // Layers import downward only: nothing below the UI and the embedding layer imports them.
    files: [
      'src/scene/**/*.{ts,tsx}',
      'src/fluoro/**/*.ts',
      'src/anatomy/**/*.ts',
      'src/i18n/**/*.ts',
      'src/playback/react/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/ui/*', '**/embed/*', '**/app/*'] }],
    },
  },
);
