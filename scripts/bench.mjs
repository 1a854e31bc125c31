#!/usr/bin/env node
// Speed and size, measured: `npm run bench` (build first, then this script).
//
// Every timing is a median over repeated runs, with min and max, and a ratio to a baseline measured in the
// same run over the same text: a plain `yaml.parse` of the front matter plus one regex pass. Rows are marked
// PASS or MISS against their target. The core is bundled with esbuild into a temp folder and required
// in-process; the CLI and the extension are measured from dist/ as built.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const YAML = require(path.join(ROOT, 'node_modules', 'yaml'));
const MB = 1024 * 1024;
const started = performance.now();
const loadAtStart = os.loadavg()[0];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-bench-'));
// `--only=typical,big,cli,extension,size` runs some sections (the 5 MB memory row needs `big`).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const section = (name) => !only || only.includes(name);

// ---------------------------------------------------------------------------------------------
// Story generator: deterministic, our own scenario words, Markdown shaped like a real story bank.

function rng(seed) {
  // mulberry32
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, a) => a[Math.floor(r() * a.length)];

const THINGS = ['the invoice exporter', 'the search indexer', 'the session cache', 'the nightly billing job', 'the photo resizer', 'the feature-flag service', 'the warehouse sync', 'the signup form', 'the payout ledger', 'the audit log'];
const CAUSES = ['a retry loop with no backoff', 'a time-zone rounding bug', 'an unbounded queue', 'a stale DNS entry', 'a missing index', 'a race between two writers', 'a silent schema change', 'a leaked connection pool'];
const VERBS = ['traced', 'reproduced', 'profiled', 'rewrote', 'load-tested', 'instrumented', 'documented', 'patched', 'benchmarked', 'reviewed'];
const PEOPLE = ['the on-call engineer', 'the platform team', 'a support lead', 'the data team', 'our finance partner'];
const SENTENCES = {
  situation: [
    (r) => `Last spring ${pick(r, THINGS)} started failing for about ${2 + Math.floor(r() * 9)}% of requests.`,
    (r) => `Customers noticed first, and ${pick(r, PEOPLE)} had opened ${3 + Math.floor(r() * 40)} tickets in a week.`,
    (r) => `Each failure cost a clinic or a shop real money, because ${pick(r, THINGS)} fed their daily reports.`,
  ],
  task: [
    () => 'The service was not my team\'s, and nobody had asked me to look at it.',
    (r) => `I took it on because my own work depended on ${pick(r, THINGS)}.`,
    () => 'No ticket existed; I wrote one and assigned it to myself.',
  ],
  action: [
    (r) => `I ${pick(r, VERBS)} ${pick(r, THINGS)} and found ${pick(r, CAUSES)}.`,
    (r) => `I wrote a failing test that showed ${pick(r, CAUSES)} in under a second.`,
    (r) => `I ${pick(r, VERBS)} the fix behind a flag and watched the error rate for two days.`,
    (r) => `We ${pick(r, VERBS)} it together with ${pick(r, PEOPLE)}.`,
    (r) => `I think ${pick(r, THINGS)} was probably fine after that.`,
    (r) => `I sent ${pick(r, PEOPLE)} a short design note with the trade-offs.`,
  ],
  result: [
    (r) => `Failures fell from ${2 + Math.floor(r() * 9)}% to 0.1%, which saved about $${10 + Math.floor(r() * 80)}k a month.`,
    () => 'Two other teams adopted the same retry policy, and it became the default template.',
    () => 'Support tickets about the problem stopped within a week.',
  ],
  reflection: [
    () => 'Shared services decay when nobody owns their alerts, so I now ask who gets paged before I depend on one.',
    () => 'A metric without an owner is a rumour: I add the owner and the SLO to every dashboard I build.',
  ],
  followups: [
    () => 'I showed them the failing test and the patch, and they merged it the same day.',
    () => 'I kept the old path behind a flag for a week so we could roll back in a minute.',
  ],
};
const STEP_HEADINGS = [['situation', 'Situation'], ['task', 'Task'], ['action', 'Action'], ['result', 'Result'], ['reflection', 'Reflection']];

/** A story of about `words` words (≈ 400 for a typical one), or of about `bytes` characters when given. */
function makeStory(seed, { words = 400, bytes } = {}) {
  const r = rng(seed);
  let text = [
    '---',
    `question: Tell me about a time you fixed ${pick(r, THINGS)} when it was not your job`,
    'principles: [Ownership, Dive Deep]',
    `level: ${pick(r, ['sde1', 'sde2', 'senior'])}`,
    '---',
    '',
    `# ${pick(r, THINGS)} and ${pick(r, CAUSES)}`,
    '',
    '',
  ].join('\n');
  // Shares of the story per step, like a spoken answer: the Action is the longest.
  const share = { situation: 0.15, task: 0.1, action: 0.45, result: 0.13, reflection: 0.1, followups: 0.07 };
  const size = () => (bytes ? text.length : count);
  const total = bytes ?? words;
  let count = 0;
  const add = (s) => {
    text += s;
    count += s.split(' ').length;
  };
  for (const [step, title] of [...STEP_HEADINGS, ['followups', 'Follow-ups']]) {
    text += `## ${title}\n\n`;
    const until = size() + total * share[step];
    let probe = 0;
    let inParagraph = 0;
    while (size() < until || inParagraph === 0) {
      if (step === 'followups' && inParagraph === 0) text += `### ${pick(r, ['How did you convince them', 'What would you do differently', 'How did you know it worked'])}${probe++ ? ` (${probe})` : ''}?\n\n`;
      add(pick(r, SENTENCES[step])(r));
      if (++inParagraph >= 2 + Math.floor(r() * 3)) {
        text += '\n\n';
        inParagraph = 0;
        if (step === 'action' && r() < 0.2) add(`- I ${pick(r, VERBS)} ${pick(r, THINGS)}.\n- I ${pick(r, VERBS)} the alert thresholds.\n\n`);
      } else text += ' ';
    }
    text = text.trimEnd() + '\n\n';
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
}

/** Times `fn` (ms) `runs` times after `warmup` untimed calls. */
function measure(fn, runs, warmup = Math.min(runs, 20)) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ...stats(times), cpu: stats(cpu).median };
}

const FM_RE = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const WORD_RE = /\b(?:we|us|our|ours|together|think|maybe|probably|asked|assigned)\b/gi;
/** The baseline: what any Markdown tool does at least once — parse the front matter, scan the text once. */
function baseline(text) {
  const m = FM_RE.exec(text);
  const data = m ? YAML.parse(m[1]) : undefined;
  let hits = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text)) hits++;
  return [data, hits];
}

const rows = [];
function row(name, { value, unit = 'ms', base, target, pass, note = '' }) {
  rows.push({ name, value, unit, base, target, pass, note });
  const status = pass === undefined ? '' : pass ? 'PASS' : 'MISS';
  process.stderr.write(`  ${status.padEnd(4)} ${name}\n`);
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// ---------------------------------------------------------------------------------------------

async function main() {
  const dist = (f) => path.join(ROOT, 'dist', f);
  for (const f of ['cli.js', 'extension.js']) if (!fs.existsSync(dist(f))) console.error(`warning: dist/${f} is missing; run npm run build`);

  // The core, bundled for in-process use.
  const corePath = path.join(tmp, 'core.cjs');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: corePath, logLevel: 'warning' });
  const core = require(corePath);

  // 1. A typical story, in-process.
  if (section('typical')) typicalRows(core);
  // 2 and 3. Large stories, then the peak memory of the 5 MB one.
  if (section('big')) bigRows(core, corePath);
  // 4. The CLI over a bank of 1,000 stories.
  if (section('cli')) cliRows(dist);
  // 5. Extension activation with a stubbed `vscode`, in a fresh process each time.
  if (section('extension')) extensionRows(dist);
  // 6. Bundle sizes.
  if (section('size')) await sizeRows();
  print();
}

function typicalRows(core) {
  const examplePath = path.join(ROOT, 'examples/strong-ownership.star.md');
  const typical = makeStory(1, { words: 330 }); // ≈ 400 words with front matter and headings
  const typicalWords = typical.split(/\s+/).filter(Boolean).length;
  {
    const t = measure(() => core.lint(typical), 300, 50);
    const b = measure(() => baseline(typical), 300, 50);
    row(`lint a typical story (${typicalWords} words, generated), in-process`, { value: t, base: b, target: '< 1 ms', pass: t.median < 1 });
  }
  if (fs.existsSync(examplePath)) {
    const ex = fs.readFileSync(examplePath, 'utf8');
    const t = measure(() => core.lint(ex), 300, 50);
    const b = measure(() => baseline(ex), 300, 50);
    row(`lint examples/strong-ownership.star.md (${ex.split(/\s+/).filter(Boolean).length} words)`, { value: t, base: b, target: '< 1 ms', pass: t.median < 1 });
  }

}

function bigRows(core, corePath) {
  // Large stories: 0.5, 1, 2 and 5 MB, to show linear growth.
  const perMb = {};
  let bigFile;
  for (const size of [0.5, 1, 2, 5]) {
    const text = makeStory(7, { bytes: size * MB });
    const mb = text.length / MB;
    const runs = size >= 5 ? 5 : 7;
    let findings = 0;
    const t = measure(() => (findings = core.lint(text).length), runs, 1);
    const b = measure(() => baseline(text), runs, 1);
    perMb[size] = t.median / mb;
    row(`lint a ${size} MB story (${findings} findings)`, {
      value: t,
      base: b,
      target: size === 5 ? '< 1000 ms' : '',
      pass: size === 5 ? t.median < 1000 : undefined,
      note: `${fmt(perMb[size])} ms/MB; CPU ${fmt(t.cpu)} ms`,
    });
    if (size === 5) fs.writeFileSync((bigFile = path.join(tmp, 'big.star.md')), text);
  }
  const growth = perMb[5] / perMb[0.5];
  row('growth: ms/MB at 5 MB ÷ ms/MB at 0.5 MB', { value: growth, unit: '×', target: '≤ 1.5 (linear)', pass: growth <= 1.5 });

  // Peak memory of the 5 MB case, in a fresh process.
  {
    const script = `const core = require(${JSON.stringify(corePath)});
const text = require('fs').readFileSync(${JSON.stringify(bigFile)}, 'utf8');
const before = process.resourceUsage().maxRSS;
core.lint(text);
console.log(JSON.stringify({ before, after: process.resourceUsage().maxRSS }));`;
    const p = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (p.status !== 0) row('peak RSS, 5 MB story', { value: NaN, unit: 'MB', target: '< 256 MB', pass: false, note: `failed: ${p.stderr.split('\n')[0]}` });
    else {
      const { before, after } = JSON.parse(p.stdout);
      row('peak RSS, lint of the 5 MB story (child process)', { value: after / 1024, unit: 'MB', target: '< 256 MB', pass: after / 1024 < 256, note: `${(before / 1024).toFixed(0)} MB after loading core + text` });
    }
  }

}

function cliRows(dist) {
  {
    const bank = path.join(tmp, 'bank');
    fs.mkdirSync(bank);
    for (let i = 0; i < 1000; i++) {
      const dir = path.join(bank, `team-${String(i % 10)}`);
      if (i < 10) fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, `story-${String(i).padStart(4, '0')}.star.md`), makeStory(1000 + i, { words: 300 + (i % 5) * 50 }));
    }
    const baseScript = `const fs = require('fs'), path = require('path'), YAML = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'yaml'))});
const FM = ${FM_RE}, W = ${WORD_RE};
let n = 0;
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p); else if (e.name.endsWith('.star.md')) { const t = fs.readFileSync(p, 'utf8'); const m = FM.exec(t); if (m) YAML.parse(m[1]); W.lastIndex = 0; while (W.exec(t)) n++; } } })(${JSON.stringify(bank)});
console.log(n);`;
    const wall = (args) => {
      const t0 = performance.now();
      const p = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * MB });
      return { ms: performance.now() - t0, p };
    };
    if (fs.existsSync(dist('cli.js'))) {
      let findings = 0;
      let status = 0;
      const times = [];
      // The CLI's own CPU time (user + system), which other load on the machine inflates less than wall time.
      const cpu = [];
      const rusage = path.join(tmp, 'rusage.cjs');
      fs.writeFileSync(rusage, "process.on('exit', () => require('fs').writeSync(2, 'RUSAGE ' + JSON.stringify(process.resourceUsage()) + '\\n'));\n");
      for (let i = 0; i < 3; i++) {
        const { ms, p } = wall(['-r', rusage, dist('cli.js'), '--format', 'json', '--no-config', bank]);
        times.push(ms);
        const usage = /^RUSAGE (.*)$/m.exec(p.stderr);
        if (usage) {
          const u = JSON.parse(usage[1]);
          cpu.push((u.userCPUTime + u.systemCPUTime) / 1000);
        }
        status = p.status;
        try {
          findings = JSON.parse(p.stdout).length;
        } catch {
          findings = NaN;
        }
      }
      const t = stats(times);
      const b = stats([0, 1, 2].map(() => wall(['-e', baseScript]).ms));
      row(`CLI: node dist/cli.js over 1,000 stories (${findings} findings, exit ${status})`, {
        value: t,
        base: b,
        target: '< 3000 ms wall',
        pass: t.median < 3000,
        note: cpu.length ? `CPU ${fmt(stats(cpu).median)} ms (user + system)` : '',
      });
    } else row('CLI over 1,000 stories', { value: NaN, target: '< 3000 ms wall', pass: false, note: 'dist/cli.js missing' });
  }

}

function extensionRows(dist) {
  if (!fs.existsSync(dist('extension.js'))) {
    row('extension activation', { value: NaN, target: '< 50 ms', pass: false, note: 'dist/extension.js missing' });
    return;
  }
  // The bundle as built, and minified as `npm run package` ships it (built into the temp folder).
  const minified = path.join(tmp, 'extension.min.js');
  esbuild.buildSync({ entryPoints: [path.join(ROOT, 'src/extension/extension.ts')], bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile: minified, logLevel: 'silent', legalComments: 'none' });
  const names = vscodeApiNames();
  for (const [label, file] of [['dist/extension.js', dist('extension.js')], ['minified, as packaged', minified]]) {
    const harness = path.join(tmp, `activate-${path.basename(file)}.cjs`);
    fs.writeFileSync(harness, activationHarness(file, ROOT, names));
    const results = [];
    let error;
    for (let i = 0; i < 15; i++) {
      const p = spawnSync(process.execPath, [harness], { encoding: 'utf8' });
      const line = p.stdout.trim().split('\n').pop() ?? '';
      try {
        results.push(JSON.parse(line));
      } catch {
        error = (p.stderr || p.stdout).trim().split('\n').slice(0, 3).join(' | ');
        break;
      }
    }
    if (error) {
      row(`extension (${label}): load + activate()`, { value: NaN, target: '< 50 ms', pass: false, note: `failed: ${error}` });
      continue;
    }
    const total = stats(results.map((r) => r.load + r.activate));
    const act = stats(results.map((r) => r.activate));
    row(`extension (${label}): require + activate(), stubbed vscode (${results[0].subscriptions} subscriptions)`, {
      value: total,
      target: '< 50 ms',
      pass: total.median < 50,
      note: `activate() alone ${fmt(act.median)} ms`,
    });
  }
}

/** Bundle sizes: dist/ as built, and minified as `npm run package` ships them. */
async function sizeRows() {
  {
    const bundles = [
      ['dist/extension.js', 'src/extension/extension.ts', { platform: 'node', format: 'cjs', external: ['vscode'] }, 500 * 1024],
      ['dist/cli.js', 'src/cli/bin.ts', { platform: 'node', format: 'cjs', define: { STAR_VERSION: '"0.0.0"' } }, undefined],
      ['dist/webview/main.js', 'src/webview/page/main.ts', { platform: 'browser', format: 'iife' }, undefined],
    ];
    for (const [out, entry, opts, limit] of bundles) {
      const built = fs.existsSync(path.join(ROOT, out)) ? fs.statSync(path.join(ROOT, out)).size : undefined;
      let minified;
      if (fs.existsSync(path.join(ROOT, entry))) {
        const r = await esbuild.build({ entryPoints: [path.join(ROOT, entry)], bundle: true, minify: true, write: false, legalComments: 'none', logLevel: 'silent', ...opts });
        minified = r.outputFiles[0].contents.length;
      }
      if (built === undefined && minified === undefined) {
        row(`size of ${out}`, { value: NaN, unit: 'KB', target: limit ? `< ${kb(limit)}` : '', pass: limit ? false : undefined, note: 'not built' });
        continue;
      }
      const shipped = minified ?? built;
      row(`size of ${out}`, {
        value: (built ?? shipped) / 1024,
        unit: 'KB',
        target: limit ? `< ${kb(limit)} (minified)` : '',
        pass: limit ? shipped < limit : undefined,
        note: `${minified !== undefined ? kb(minified) : '?'} minified, as packaged${built === undefined ? '; dist copy missing' : ''}`,
      });
    }
  }
}

/** The top-level names of the `vscode` API (namespaces, classes, enums), read from @types/vscode. */
function vscodeApiNames() {
  const dts = fs.readFileSync(path.join(ROOT, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\texport (?:class|enum|namespace|const|function|let) (\w+)/gm)].map((m) => m[1]))];
}

/** A script that loads the extension with a fake `vscode` and times require() and activate(). */
function activationHarness(extensionPath, root, apiNames) {
  return `'use strict';
const Module = require('module');
const fs = require('fs');
const path = require('path');
const noop = () => {};
const disposable = () => ({ dispose: noop });
// Anything not modelled below: a callable, constructible Proxy that returns more of itself.
function fake(name) {
  const props = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (props.has(key)) return props.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      if (key === 'toString' || key === 'toJSON') return () => name;
      if (key === 'length') return 0;
      if (key === 'dispose') return noop;
      const v = fake(name + '.' + String(key));
      props.set(key, v);
      return v;
    },
    set(_, key, value) { props.set(key, value); return true; },
    has(_, key) { return props.has(key); },
    ownKeys(t) { return [...new Set([...Reflect.ownKeys(t), ...props.keys()])]; },
    getOwnPropertyDescriptor(t, key) {
      return props.has(key) ? { value: props.get(key), writable: true, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
    },
    apply() { return fake(name + '()'); },
    construct(_, args) { const o = fake('new ' + name); o.args = args; return o; },
  });
}
function uri(p) {
  const u = { scheme: 'file', fsPath: p, path: p, authority: '', query: '', fragment: '', toString: () => 'file://' + p, with: (c) => uri(c.path ?? p), toJSON: () => ({ scheme: 'file', path: p }) };
  return u;
}
class EventEmitter { constructor() { this.l = new Set(); this.event = (f) => { this.l.add(f); return { dispose: () => this.l.delete(f) }; }; } fire(e) { for (const f of this.l) f(e); } dispose() { this.l.clear(); } }
class Disposable { constructor(f) { this.f = f; } dispose() { this.f?.(); } static from(...d) { return new Disposable(() => d.forEach((x) => x?.dispose?.())); } }
const config = { get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => {} };
// The module itself is a plain object holding every top-level API name, as the real one does, so that
// esbuild's import interop (which copies own properties) sees them all.
const vscode = {};
for (const name of ${JSON.stringify(apiNames)}) vscode[name] = fake(name);
Object.assign(vscode, {
  Uri: Object.assign(fake('Uri'), { file: uri, joinPath: (u, ...s) => uri(path.join(u.fsPath, ...s)), parse: (s) => uri(s.replace(/^file:\\/\\//, '')) }),
  EventEmitter,
  Disposable,
  workspace: Object.assign(fake('workspace'), {
    textDocuments: [],
    workspaceFolders: undefined,
    getConfiguration: () => config,
    findFiles: async () => [],
    fs: {
      readFile: async (u) => new Uint8Array(fs.readFileSync(u.fsPath)),
      stat: async (u) => { const s = fs.statSync(u.fsPath); return { type: s.isDirectory() ? 2 : 1, size: s.size, ctime: 0, mtime: s.mtimeMs }; },
      readDirectory: async (u) => fs.readdirSync(u.fsPath, { withFileTypes: true }).map((e) => [e.name, e.isDirectory() ? 2 : 1]),
      writeFile: async () => { throw new Error('the benchmark never writes'); },
    },
  }),
  window: Object.assign(fake('window'), { activeTextEditor: undefined, visibleTextEditors: [] }),
  FileType: { File: 1, Directory: 2, SymbolicLink: 64, Unknown: 0 },
});
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const memento = () => ({ get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync: noop });
const context = {
  subscriptions: [],
  extensionUri: uri(${JSON.stringify(root)}),
  extensionPath: ${JSON.stringify(root)},
  asAbsolutePath: (p) => path.join(${JSON.stringify(root)}, p),
  globalState: memento(),
  workspaceState: memento(),
  storageUri: undefined,
  globalStorageUri: uri(require('os').tmpdir()),
  logUri: uri(require('os').tmpdir()),
  extensionMode: 1,
  environmentVariableCollection: fake('env'),
  secrets: fake('secrets'),
  extension: fake('extension'),
};
(async () => {
  const t0 = performance.now();
  const ext = require(${JSON.stringify(extensionPath)});
  const t1 = performance.now();
  await ext.activate(context);
  const t2 = performance.now();
  console.log(JSON.stringify({ load: t1 - t0, activate: t2 - t1, subscriptions: context.subscriptions.length }));
})().catch((e) => { console.error(e && e.stack || String(e)); process.exit(1); });
`;
}

function print() {
  const header = ['', 'measurement', 'median', 'min', 'max', 'baseline', '× baseline', 'target', 'note'];
  const lines = rows.map((r) => {
    const status = r.pass === undefined ? 'info' : r.pass ? 'PASS' : 'MISS';
    if (typeof r.value === 'number') {
      const v = Number.isNaN(r.value) ? 'n/a' : r.unit === '×' ? r.value.toFixed(2) + '×' : `${r.value.toFixed(r.unit === 'KB' ? 0 : 1)} ${r.unit}`;
      return [status, r.name, v, '', '', '', '', r.target, r.note];
    }
    const v = r.value;
    return [
      status,
      r.name,
      `${fmt(v.median)} ms`,
      fmt(v.min),
      fmt(v.max),
      r.base ? `${fmt(r.base.median)} ms` : '',
      r.base ? `${(v.median / r.base.median).toFixed(1)}×` : '',
      r.target,
      r.note,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmtLine = (l) => `| ${l.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const out = [fmtLine(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmtLine)];
  console.log('');
  console.log(`STAR Stories benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'cpu'}, ${os.platform()}`);
  // Other work on the machine skews wall times: say how busy it was.
  console.log(`Load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}.`);
  console.log('Times in ms: median over the runs, then min and max. Baseline = yaml.parse of the front matter + one regex pass over the same text.');
  console.log('');
  console.log(out.join('\n'));
  const missed = rows.filter((r) => r.pass === false).length;
  console.log('');
  console.log(`${rows.filter((r) => r.pass).length} PASS, ${missed} MISS, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

try {
  await main();
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
