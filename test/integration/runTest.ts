// Runs the integration suite under @vscode/test-electron, on a machine that can download VS Code:
//   npx tsc -p tsconfig.test.json && node esbuild.mjs && node out/test/integration/runTest.js
// Here, where nothing can be downloaded, `npm run test:vscode` runs the same files in code-server.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/** Copies the fixtures to a fresh folder so tests may edit and save them without touching the repo. */
function freshWorkspace(repoRoot: string): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'star-integration-'));
  fs.cpSync(path.join(repoRoot, 'test', 'integration', 'fixtures'), workspace, { recursive: true });
  return workspace;
}

async function main(): Promise<void> {
  // This file compiles to out/test/integration/runTest.js: the repository root is three levels up.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const workspace = freshWorkspace(repoRoot);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
