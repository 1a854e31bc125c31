import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'tools/**', '.e2e/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    // The core takes strings and returns data: no editor, no file system, no paths.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process'],
      }],
    },
  },
  {
    // The protocol is shared by host and page: no vscode, no DOM-only or node-only modules.
    files: ['src/webview/protocol.ts', 'src/webview/page/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', 'fs', 'node:fs', 'path', 'node:path'] }] },
  },
);
