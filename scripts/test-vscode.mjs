#!/usr/bin/env node
// Runs STAR Stories in a real VS Code: code-server (VS Code 1.100 with a Node 20 extension host) driven
// by playwright-core and Debian's chromium. One command, `npm run test:vscode`:
//   1. installs what is missing (scripts/setup-vscode-e2e.sh),
//   2. builds the extension (esbuild) and the tests (tsc -p tsconfig.test.json),
//   3. runs the mocha suite of test/integration inside the extension host (the @vscode/test-electron files),
//   4. runs the user-level checks of test/e2e in the browser and writes docs/screenshots/*.png,
//   5. prints `N passed, N failed` alone on the last line and stops every process it started,
//      also on failure, on Ctrl+C and when the overall time limit runs out.
//
// Options: --skip-setup  --skip-build  --only=integration|e2e  --grep=TEXT  --keep (keep the temp folder)
//          --extension=PATH (load another extension folder, for a smoke run of the harness itself)
// Environment: STAR_E2E_TIMEOUT_S (overall limit, default 900), STAR_E2E_HEADED=1 (show the browser),
//              STAR_E2E_CHROMIUM (a chromium other than the one on PATH), STAR_E2E_DEBUG=1 (all workbench logs).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, 'tools', 'vscode-e2e');
const codeServerBin = join(tools, 'node_modules', '.bin', 'code-server');
const RESULT_PREFIX = 'star-integration-result ';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only');
const grep = option('grep');
const extensionPath = resolve(option('extension') ?? root);
const timeoutS = Number(process.env.STAR_E2E_TIMEOUT_S ?? 900);
const started = Date.now();

const log = (msg) => console.log(`[test:vscode ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
const times = {};
const counts = { passed: 0, failed: 0 };

// --- everything this run starts, so that cleanup can stop it -------------------------------------------
const owned = { server: null, browser: null, temp: null, steps: new Set(), cleaned: false };

/** Stops the setup and build commands still running (each leads its own process group). */
function killSteps() {
  for (const child of owned.steps) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Stops code-server's whole process group (it forks the extension host, pty host and watchers). */
function killServerGroup(signal) {
  const pid = owned.server?.pid;
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Stops the browser and the server and removes the temp folder; safe to call twice. */
async function cleanup() {
  if (owned.cleaned) return;
  owned.cleaned = true;
  killSteps();
  if (owned.browser) {
    await Promise.race([owned.browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  }
  if (owned.server && owned.server.exitCode === null && owned.server.signalCode === null) {
    const exited = new Promise((r) => owned.server.once('exit', r));
    killServerGroup('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!gone) killServerGroup('SIGKILL');
  }
  killServerGroup('SIGKILL'); // stragglers that outlived the group leader
  // Keep the server log where a person looks after a failure (out/ is build output, ignored by git).
  const serverLog = owned.temp && join(owned.temp, 'code-server.log');
  if (serverLog && existsSync(serverLog)) {
    mkdirSync(join(root, 'out', 'vscode-e2e'), { recursive: true });
    cpSync(serverLog, join(root, 'out', 'vscode-e2e', 'code-server.log'));
  }
  if (owned.temp && !flag('keep')) rmSync(owned.temp, { recursive: true, force: true });
  else if (owned.temp) log(`kept ${owned.temp}`);
}

/** Prints the closing line, cleans up and exits; the one way out of this script (the first call wins). */
let finishing = null;
function finish(code, why) {
  finishing ??= doFinish(code, why);
  return finishing;
}

async function doFinish(code, why) {
  if (why) console.error(`test:vscode: ${why}`);
  await cleanup();
  const summary = Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
  if (summary) log(`times: ${summary}`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}

process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
process.on('exit', () => {
  // Last resort; playwright kills its browser on exit too.
  killSteps();
  killServerGroup('SIGKILL');
});
const hardStop = setTimeout(() => {
  counts.failed += 1;
  finish(1, `overall time limit of ${timeoutS} s reached (STAR_E2E_TIMEOUT_S)`);
}, timeoutS * 1000);
hardStop.unref();

/** Runs a step, records its duration under `name`. */
async function timed(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    times[name] = (Date.now() - t) / 1000;
  }
}

/**
 * Runs a command with the terminal's output, in its own process group so that a timeout or Ctrl+C stops it
 * and everything it started; rejects with `what` if it fails.
 */
function run(what, cmd, cmdArgs) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    owned.steps.add(child);
    child.on('error', (err) => {
      owned.steps.delete(child);
      rej(new Error(`${what}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      owned.steps.delete(child);
      if (code === 0) res();
      else rej(new Error(`${what} failed (exit ${code ?? signal})`));
    });
  });
}

/** Asks the OS for a free TCP port on the loopback address. */
function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Polls code-server's /healthz until it answers, the process dies or the wait runs out. */
async function waitForHealth(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (owned.server.exitCode !== null || owned.server.signalCode !== null) {
      throw new Error(`code-server exited early (${owned.server.exitCode ?? owned.server.signalCode})`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${ms / 1000} s`);
}

/** Debian's chromium (or STAR_E2E_CHROMIUM), or undefined when there is none. */
function chromiumPath() {
  if (process.env.STAR_E2E_CHROMIUM) return process.env.STAR_E2E_CHROMIUM;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split('\n')[0] : undefined;
}

/** Tells which prerequisites are missing, in words a person can act on. */
function missingPrerequisites() {
  const missing = [];
  if (!chromiumPath()) missing.push('chromium (Debian package `chromium`)');
  if (!existsSync(codeServerBin)) missing.push('code-server (npm ci in tools/vscode-e2e)');
  if (!existsSync(join(tools, 'node_modules', 'playwright-core'))) missing.push('playwright-core (npm ci in tools/vscode-e2e)');
  return missing;
}

/** The user settings code-server starts with: no trust prompt, no welcome page, nothing phoning home. */
const userSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'files.hotExit': 'off',
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  // Steadier screenshots: no blinking cursor, no animations.
  'editor.cursorBlinking': 'solid',
  'workbench.reduceMotion': 'on',
};

/** Builds the workbench URL that opens `folder` with our extension in development mode. */
function workbenchUrl(base, port, folder, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Workbench chatter in the automation log that says nothing about our tests (STAR_E2E_DEBUG=1 shows it). */
const WORKBENCH_NOISE = [
  /connection token/,
  /Creating a socket/,
  /\[Service Worker\]/,
  /ChatSessionStore/,
  /builtin extensions cache/,
  /ENOTFOUND open-vsx\.org/,
  /Long running operations during shutdown/,
  /systemExtensionsCache\.json/,
  /vsda/,
  /Canceled/,
  /Failed snippets from folder/,
  /No search provider registered/,
  /Creation of workbench contribution/,
];

// --- the run -----------------------------------------------------------------------------------------------
async function main() {
  if (!flag('skip-setup')) {
    await timed('setup', () => run('setup (scripts/setup-vscode-e2e.sh)', 'bash', [join(root, 'scripts', 'setup-vscode-e2e.sh')]));
  }
  const missing = missingPrerequisites();
  if (missing.length) {
    counts.failed += 1;
    return finish(1, `missing prerequisites: ${missing.join('; ')}. Run scripts/setup-vscode-e2e.sh (as root) first.`);
  }

  if (!flag('skip-build')) {
    await timed('build', async () => {
      await run('npm run build', 'npm', ['run', '--silent', 'build']);
      // Compiled tests of files since deleted would still run: start from empty output folders.
      for (const dir of ['integration', 'e2e']) rmSync(join(root, 'out', 'test', dir), { recursive: true, force: true });
      await run('npm run build:tests (tsc -p tsconfig.test.json)', 'npm', ['run', '--silent', 'build:tests']);
    });
  }
  const testsIndex = join(root, 'out', 'test', 'integration', 'index.js');
  const e2eDir = join(root, 'out', 'test', 'e2e');
  const extMain = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')).main;
  if (extMain && !existsSync(join(extensionPath, extMain)) && !existsSync(join(extensionPath, `${extMain}.js`))) {
    counts.failed += 1;
    return finish(1, `the extension bundle ${join(extensionPath, extMain)} is missing: run \`npm run build\`.`);
  }
  if (only !== 'e2e' && !existsSync(testsIndex)) {
    counts.failed += 1;
    return finish(1, `${testsIndex} is missing: run \`npm run build:tests\`.`);
  }

  // Temp folders: server state, extensions, and a copy of each fixture folder as the workspace.
  const temp = (owned.temp = mkdtempSync(join(tmpdir(), 'star-vscode-')));
  const userData = join(temp, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  writeFileSync(join(temp, 'config.yaml'), '');
  const wsIntegration = join(temp, 'ws-integration');
  cpSync(join(root, 'test', 'integration', 'fixtures'), wsIntegration, { recursive: true });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverLog = join(temp, 'code-server.log');
  await timed('server start', async () => {
    const out = openSync(serverLog, 'a');
    owned.server = spawn(
      codeServerBin,
      [
        '--config', join(temp, 'config.yaml'),
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--extensions-dir', join(temp, 'extensions'),
        '--user-data-dir', userData,
        wsIntegration,
      ],
      {
        detached: true, // its own process group, so cleanup can stop the server and all it forked
        stdio: ['ignore', out, out],
        env: { ...process.env, STAR_INTEGRATION_GREP: grep ?? '' },
      },
    );
    owned.server.on('error', (err) => log(`code-server failed to start: ${err.message}`));
    await waitForHealth(base, 60_000);
  });
  log(`code-server ${base} (its log is copied to out/vscode-e2e/code-server.log at the end)`);

  const require = createRequire(join(tools, 'package.json'));
  const { chromium } = require('playwright-core');
  owned.browser = await timed('browser start', () =>
    chromium.launch({
      executablePath: chromiumPath(),
      headless: process.env.STAR_E2E_HEADED !== '1',
      // This script handles the signals (it must print its closing line); playwright still kills the
      // browser on process exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  );

  if (only !== 'e2e') {
    await timed('integration', () => runIntegration(base, port, wsIntegration, testsIndex));
  }
  if (only !== 'integration') {
    if (!existsSync(join(e2eDir, 'harness.js'))) {
      log(`no compiled e2e suite in ${e2eDir}; skipping the user-level checks`);
      counts.failed += 1;
    } else {
      await timed('e2e', () => runE2e(base, port, e2eDir, temp));
    }
  }

  return finish(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
}

/** Loads the workbench with extensionTestsPath and waits for the extension host to report and exit. */
async function runIntegration(base, port, folder, testsIndex) {
  const context = await owned.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  let result = null;
  let exitCode;
  const exited = new Promise((res) => {
    page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      res(code);
    });
  });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    if (process.env.STAR_E2E_DEBUG) console.log(`[${type}] ${JSON.stringify(logArgs).slice(0, 300)}`);
    // A workbench error comes with a minified stack: its first line says enough.
    const lines = type === 'error' && !process.env.STAR_E2E_DEBUG ? text.split('\n').slice(0, 1) : text.split('\n');
    for (const line of lines) {
      const at = line.indexOf(RESULT_PREFIX);
      if (at >= 0) {
        try {
          result = JSON.parse(line.slice(at + RESULT_PREFIX.length));
        } catch {
          /* a truncated line: the exit code still counts */
        }
      } else if (line.trim() && (process.env.STAR_E2E_DEBUG || !WORKBENCH_NOISE.some((re) => re.test(line)))) {
        console.log(`  ${line}`);
      }
    }
  });
  const url = workbenchUrl(base, port, folder, testsIndex.replace(/\.js$/, ''));
  log('integration: opening the workbench with extensionTestsPath');
  await page.goto(url);
  const limitMs = 6 * 60_000;
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), limitMs))]);
  if (code === 'timeout') {
    log(`integration: the extension host did not exit within ${limitMs / 1000} s (see out/vscode-e2e/code-server.log)`);
  }
  if (result) {
    counts.passed += result.passed;
    counts.failed += result.failed;
    if (result.failed === 0 && exitCode !== 0) counts.failed += 1; // exited badly after passing tests
  } else {
    log(`integration: no result line (exit ${exitCode ?? code}); counting the suite as one failure`);
    counts.failed += 1;
  }
  log(`integration: ${result ? `${result.passed} passed, ${result.failed} failed` : 'no result'}, exit ${exitCode ?? code}`);
  await context.close().catch(() => {});
}

/** Runs the user-level checks of out/test/e2e with mocha in this process, against a fresh workbench. */
async function runE2e(base, port, e2eDir, temp) {
  const require = createRequire(join(root, 'package.json'));
  const Mocha = require('mocha');
  const harness = require(join(e2eDir, 'harness.js'));
  harness.setContext({
    browser: owned.browser,
    urlFor: (folder) => workbenchUrl(base, port, folder),
    fixtures: join(root, 'test', 'e2e', 'fixtures'),
    repoRoot: root,
    screenshots: join(root, 'docs', 'screenshots'),
    temp,
  });
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false, grep });
  for (const f of readdirSync(e2eDir).filter((n) => n.endsWith('.e2e.js')).sort()) mocha.addFile(join(e2eDir, f));
  const stats = await new Promise((res) => {
    const runner = mocha.run(() => res(runner.stats));
  });
  counts.passed += stats.passes;
  counts.failed += stats.failures;
  await harness.closeAll?.();
}

main().catch((err) => {
  counts.failed += 1;
  finish(1, err instanceof Error ? err.message : String(err));
});
