// The mocha entry point that VS Code's extension host calls (`extensionTestsPath`): the same file serves
// @vscode/test-electron on a laptop (runTest.ts) and the code-server runner (scripts/test-vscode.mjs).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** The prefix of the one line that tells a runner the counts; scripts/test-vscode.mjs parses it. */
export const RESULT_PREFIX = 'star-integration-result ';

/** Lists the compiled `*.test.js` files under a folder, sorted so runs are repeatable. */
function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTests(full));
    } else if (entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

/** Runs every integration test in this folder inside the extension host; rejects when one fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 30_000,
    // STAR_INTEGRATION_GREP narrows a local run to matching tests; both runners pass it through.
    grep: process.env.STAR_INTEGRATION_GREP || undefined,
  });
  for (const file of findTests(__dirname)) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        console.log(
          RESULT_PREFIX + JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending }),
        );
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed.`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      console.log(RESULT_PREFIX + JSON.stringify({ passed: 0, failed: 1, pending: 0 }));
      reject(err);
    }
  });
}
