// ESLint flat config: the recommended rules plus the one-way layers src/ → dialogs/ → knowledge/.
// Style is Prettier's job (eslint-config-prettier switches off rules that would fight it).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier/flat');

const SDK = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', 'restify'];

/** Import paths a folder must not use: relative paths into a higher layer, and the SDK outside src/. */
function layer(files, forbiddenFolders, message) {
  const folders = forbiddenFolders.join('|');
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: `^(\\.\\.?/)+(${folders})(/|$)`, message },
            { group: SDK, message: 'Only src/ knows the Bot Framework SDK and HTTP.' },
          ],
        },
      ],
    },
  };
}

module.exports = tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'manifest/build/', 'src/web/public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  layer(
    ['knowledge/**'],
    ['src', 'dialogs', 'scripts', 'bench', 'test'],
    'knowledge/ is the bottom layer: it imports nothing from dialogs/, src/ or the tools.',
  ),
  layer(['dialogs/**'], ['src', 'scripts', 'bench', 'test'], 'dialogs/ may import knowledge/, never src/ or the tools.'),
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
