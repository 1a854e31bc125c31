import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { run } from '../../src/cli/main';
import type { CliIo, EntryKind } from '../../src/cli/main';
import { story } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');

/** An in-memory file system for run(). */
function fakeIo(files: Record<string, string>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const io: CliIo = {
      argv,
      readFile: (p: string) => {
        if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'EACCES' });
        return files[p];
      },
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      stat: (p: string): EntryKind => (dirs.has(p) ? 'dir' : p in files || p.endsWith('locked.star.md') ? 'file' : 'missing'),
      readDir: (p: string) => [...new Set(Object.keys(files).filter((f) => f.startsWith(p + '/')).map((f) => f.slice(p.length + 1).split('/')[0]))],
      cwd: '/nowhere',
  };
  return {
    io,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const CLEAN = story();
const FLAWED = story({ task: null });

describe('star-lint (in-process)', () => {
  it('exits 0 and prints nothing for a clean story', async () => {
    const t = fakeIo({ 'bank/a.star.md': CLEAN }, ['bank']);
    assert.equal(await run(t.io), 0);
    assert.equal(t.out(), '');
  });
  it('prints file:line:col severity rule message and exits 1 on an error finding', async () => {
    const t = fakeIo({ 'bank/a.star.md': FLAWED }, ['bank']);
    assert.equal(await run(t.io), 1);
    assert.match(t.out(), /^bank\/a\.star\.md:\d+:\d+ error missing-section No `## Task`/m);
  });
  it('exits 0 when findings are only warnings', async () => {
    const t = fakeIo({ 's.star.md': story({ task: 'I started on the ledger because points were late.' }) }, ['s.star.md']);
    assert.equal(await run(t.io), 0);
    assert.match(t.out(), /warning missing-scope-boundary/);
  });
  it('prints SPEC JSON with 1-based positions', async () => {
    const t = fakeIo({ 'a.star.md': FLAWED }, ['--format', 'json', 'a.star.md']);
    assert.equal(await run(t.io), 1);
    const f = JSON.parse(t.out()).find((x: { rule: string }) => x.rule === 'missing-section');
    assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'section', 'severity']);
    assert.equal(f.rule, 'missing-section');
    assert.equal(f.section, 'task');
    assert.ok(f.line >= 1 && f.column >= 1);
  });
  it('searches folders for *.star.md only', async () => {
    const t = fakeIo({ 'b/x.star.md': FLAWED, 'b/notes.md': '# nothing', 'b/sub/y.star.md': FLAWED }, ['--format', 'json', 'b']);
    await run(t.io);
    assert.deepEqual([...new Set(JSON.parse(t.out()).map((f: { file: string }) => f.file))], ['b/sub/y.star.md', 'b/x.star.md']);
  });
  it('names an unreadable file on stderr, lints the others and exits 2', async () => {
    const t = fakeIo({ 'ok.star.md': FLAWED }, ['locked.star.md', 'ok.star.md']);
    assert.equal(await run(t.io), 2);
    assert.match(t.err(), /cannot read locked\.star\.md: permission denied/);
    assert.match(t.out(), /ok\.star\.md/);
  });
  it('exits 2 on a usage error and on a missing path', async () => {
    assert.equal(await run(fakeIo({}, ['--format', 'xml', 'a']).io), 2);
    assert.equal(await run(fakeIo({}, []).io), 2);
    const t = fakeIo({}, ['missing.star.md']);
    assert.equal(await run(t.io), 2);
    assert.match(t.err(), /missing\.star\.md: no such file/);
  });
  it('applies --level to stories without one, and the front matter wins', async () => {
    const noLevel = story({}, { frontMatter: 'question: q\nprinciples: [Ownership]' });
    const t = fakeIo({ 'a.star.md': noLevel }, ['--level', 'senior', '--format', 'json', 'a.star.md']);
    await run(t.io);
    assert.equal(JSON.parse(t.out()).filter((f: { rule: string }) => f.rule === 'reflection-below-level').length, 0);
  });
  it('reads .starlint.yaml: a rule turned off, bad keys reported not fatal', async () => {
    const t = fakeIo({ 'w/.starlint.yaml': 'rules:\n  missing-section: off\nbogus: 1\n', 'w/a.star.md': FLAWED }, ['--format', 'json', 'w/a.star.md']);
    t.io.cwd = 'w';
    t.io.stat = (p: string): EntryKind => (p === 'w/.starlint.yaml' || p === 'w/a.star.md' ? 'file' : 'missing');
    assert.equal(await run(t.io), 0);
    assert.equal(JSON.parse(t.out()).filter((f: { rule: string }) => f.rule === 'missing-section').length, 0);
    assert.match(t.err(), /bogus: unknown setting/);
  });
  it('prints --help and --version', async () => {
    const h = fakeIo({}, ['--help']);
    assert.equal(await run(h.io), 0);
    assert.match(h.out(), /Usage: star-lint/);
    const v = fakeIo({}, ['--version']);
    v.io.version = '9.9.9';
    assert.equal(await run(v.io), 0);
    assert.equal(v.out().trim(), '9.9.9');
  });
});

describe('star-lint (spawned dist/cli.js)', () => {
  it('lints the examples folder and exits 1 (they include error findings)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', join(ROOT, 'examples')], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const found = JSON.parse(r.stdout) as Array<{ file: string; rule: string }>;
    assert.ok(found.length > 5);
    assert.equal(found.filter((f) => f.file.endsWith('strong-ownership.star.md') && f.rule !== 'passive-voice' && f.rule !== 'hedging').length, 0);
    const v = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(v.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
