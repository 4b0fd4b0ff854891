import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.regulars/', 'coverage/', 'dist/', 'web/client/schema.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
