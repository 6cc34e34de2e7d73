import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Plain JavaScript here is configuration and tiny launchers (jest.config.js, bin/, the Jest reporter): CommonJS by design.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/**/node_modules/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The domain stays pure: no framework, no I/O.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'node:*', 'fs', 'pg', 'better-sqlite3', '@portfolio/*'] },
      ],
    },
  },
  {
    // A route takes the query parameters it declares with QueryParameter, which also documents them; one documented
    // with ApiQuery alone would be refused (400 invalid_query) though OpenAPI lists it.
    files: ['apps/api/**/*.ts'],
    ignores: ['apps/api/src/http/declared-query.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/swagger',
              importNames: ['ApiQuery'],
              message: 'declare a query parameter with QueryParameter (http/declared-query.ts), which lets it through',
            },
          ],
        },
      ],
    },
  },
  {
    // Product code reads in one sitting: no file over 350 lines, no function over 80 (seed data and tests aside).
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**', 'apps/cli/src/seed-demo/tech-gouv-portfolio.ts'],
    rules: {
      'max-lines': ['error', { max: 350 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
);
