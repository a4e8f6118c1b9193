// ESLint with typescript-eslint and Prettier, as the typescript-action template sets them up,
// plus the size limits this project keeps in src/ (a file past 300 lines is usually two files; a
// function past 60 lines hides behaviour).
import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'demo-output/', 'bench-output/', 'member-audit-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60 }]
    }
  },
  {
    files: ['*.js', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } }
  },
  { files: ['__tests__/**/*.ts'], ...jest.configs['flat/recommended'] },
  // Helpers named expect* assert (expectStoppedInPreflight and the like).
  {
    files: ['__tests__/**/*.ts'],
    rules: { 'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'expect*'] }] }
  },
  prettier
)
